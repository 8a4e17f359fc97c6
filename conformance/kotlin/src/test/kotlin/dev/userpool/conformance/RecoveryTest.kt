package dev.userpool.conformance

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AttributeType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AuthFlowType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ConfirmForgotPasswordRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ConfirmSignUpRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolClientRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeliveryMediumType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ForgotPasswordRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.GetUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InitiateAuthRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InitiateAuthResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SignUpRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UpdateUserAttributesRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifiedAttributeType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifyUserAttributeRequest
import aws.smithy.kotlin.runtime.net.url.Url
import dev.userpool.conformance.Support.PASSWORD
import dev.userpool.conformance.Support.newestCode
import dev.userpool.conformance.Support.unique
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** A forgotten password and an attribute change, each finished with a code from the dev inbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryTest {
    private lateinit var cognito: CognitoIdentityProviderClient
    private lateinit var poolId: String
    private lateinit var clientId: String

    @BeforeAll
    fun createPoolAndClient(): Unit = runBlocking {
        cognito = CognitoIdentityProviderClient.fromEnvironment {
            region = "us-east-1"
            endpointUrl = Url.parse(Support.endpoint())
        }
        poolId = cognito.createUserPool(
            CreateUserPoolRequest {
                poolName = unique("conformance-kotlin-recovery-")
                autoVerifiedAttributes = listOf(VerifiedAttributeType.Email)
            },
        ).userPool!!.id!!
        clientId = cognito.createUserPoolClient(
            CreateUserPoolClientRequest {
                userPoolId = poolId
                clientName = "public"
                explicitAuthFlows = listOf(ExplicitAuthFlowsType.AllowUserPasswordAuth, ExplicitAuthFlowsType.AllowRefreshTokenAuth)
            },
        ).userPoolClient!!.clientId!!
    }

    @AfterAll
    fun close() = cognito.close()

    private suspend fun confirmedUser(): String {
        val name = unique("rec")
        cognito.signUp(
            SignUpRequest {
                clientId = this@RecoveryTest.clientId
                username = name
                password = PASSWORD
                userAttributes = listOf(AttributeType { this.name = "email"; value = "$name@example.com" })
            },
        )
        val code = newestCode(poolId, name, "SIGN_UP", 1)
        cognito.confirmSignUp(ConfirmSignUpRequest { clientId = this@RecoveryTest.clientId; username = name; confirmationCode = code })
        return name
    }

    private suspend fun signIn(name: String, pw: String): InitiateAuthResponse = cognito.initiateAuth(
        InitiateAuthRequest {
            clientId = this@RecoveryTest.clientId
            authFlow = AuthFlowType.UserPasswordAuth
            authParameters = mapOf("USERNAME" to name, "PASSWORD" to pw)
        },
    )

    @Test
    fun forgotPasswordThenSignInWithTheNewPassword(): Unit = runBlocking {
        val name = confirmedUser()
        val details = cognito.forgotPassword(ForgotPasswordRequest { clientId = this@RecoveryTest.clientId; username = name }).codeDeliveryDetails!!
        assertEquals(DeliveryMediumType.Email, details.deliveryMedium)
        assertEquals("${name[0]}***@e***", details.destination)
        val code = newestCode(poolId, name, "FORGOT_PASSWORD", 2)
        cognito.confirmForgotPassword(
            ConfirmForgotPasswordRequest { clientId = this@RecoveryTest.clientId; username = name; confirmationCode = code; password = "N3w-Passw0rd!" },
        )
        assertNotNull(signIn(name, "N3w-Passw0rd!").authenticationResult?.accessToken)
        val e = assertThrows<NotAuthorizedException> { runBlocking { signIn(name, PASSWORD) } }
        assertEquals("Incorrect username or password.", e.sdkErrorMetadata.errorMessage)
    }

    @Test
    fun updateUserAttributesThenVerify(): Unit = runBlocking {
        val name = confirmedUser()
        val token = signIn(name, PASSWORD).authenticationResult!!.accessToken!!
        val out = cognito.updateUserAttributes(
            UpdateUserAttributesRequest {
                accessToken = token
                userAttributes = listOf(AttributeType { this.name = "email"; value = "$name@new.example" })
            },
        )
        assertEquals(listOf("email"), out.codeDeliveryDetailsList!!.map { it.attributeName })
        val code = newestCode(poolId, name, "UPDATE_ATTRIBUTE", 2)
        cognito.verifyUserAttribute(VerifyUserAttributeRequest { accessToken = token; attributeName = "email"; this.code = code })
        val attributes = cognito.getUser(GetUserRequest { accessToken = token }).userAttributes.associate { it.name to it.value }
        assertEquals("$name@new.example", attributes["email"])
        assertEquals("true", attributes["email_verified"])
    }
}
