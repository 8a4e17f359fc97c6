package dev.userpool.conformance

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AttributeType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolClientRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResendConfirmationCodeRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SignUpRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifiedAttributeType
import dev.userpool.conformance.Support.PASSWORD
import dev.userpool.conformance.Support.unique
import dev.userpool.conformance.Support.waitForMessages
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test

/**
 * The SDK pointed at userpool only through the environment: AWS_ENDPOINT_URL (set by the
 * endpoint-from-env surefire execution), AWS_REGION and the dummy credentials. No configuration in code.
 */
class EndpointFromEnvTest {
    @Test
    fun endpointFromEnvironment(): Unit = runBlocking {
        assertEquals(Support.endpoint(), System.getenv("AWS_ENDPOINT_URL"))
        CognitoIdentityProviderClient.fromEnvironment().use { cognito ->
            val pool = cognito.createUserPool(
                CreateUserPoolRequest {
                    poolName = unique("conformance-kotlin-env-")
                    autoVerifiedAttributes = listOf(VerifiedAttributeType.Email)
                },
            ).userPool!!
            val clientIdVal = cognito.createUserPoolClient(
                CreateUserPoolClientRequest {
                    userPoolId = pool.id
                    clientName = "env"
                },
            ).userPoolClient!!.clientId!!
            val name = unique("erin")
            val signUp = cognito.signUp(
                SignUpRequest {
                    clientId = clientIdVal
                    username = name
                    password = PASSWORD
                    userAttributes = listOf(AttributeType { this.name = "email"; value = "$name@example.net" })
                },
            )
            assertFalse(signUp.userConfirmed)
            val details = cognito.resendConfirmationCode(
                ResendConfirmationCodeRequest {
                    clientId = clientIdVal
                    username = name
                },
            ).codeDeliveryDetails
            assertDelivery(details, "e***@e***")
            waitForMessages(pool.id!!, name, 2)
        }
    }
}
