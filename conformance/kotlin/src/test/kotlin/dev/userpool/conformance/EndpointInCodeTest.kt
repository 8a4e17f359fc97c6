package dev.userpool.conformance

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AttributeType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AuthFlowType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AuthenticationResultType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeDeliveryDetailsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CodeMismatchException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ConfirmSignUpRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolClientRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.DeliveryMediumType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InitiateAuthRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InvalidParameterException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.LimitExceededException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResendConfirmationCodeRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SignUpRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.SignUpResponse
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolClientType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserPoolType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.VerifiedAttributeType
import aws.smithy.kotlin.runtime.http.response.HttpResponse
import aws.smithy.kotlin.runtime.net.url.Url
import dev.userpool.conformance.Support.PASSWORD
import dev.userpool.conformance.Support.VALIDATION_MESSAGE
import dev.userpool.conformance.Support.secretHash
import dev.userpool.conformance.Support.unique
import dev.userpool.conformance.Support.waitForMessages
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.TestMethodOrder
import org.junit.jupiter.api.assertThrows

private val FLOWS = listOf(ExplicitAuthFlowsType.AllowUserPasswordAuth, ExplicitAuthFlowsType.AllowRefreshTokenAuth)

internal fun assertDelivery(details: CodeDeliveryDetailsType?, masked: String) {
    assertNotNull(details, "CodeDeliveryDetails")
    assertEquals(DeliveryMediumType.Email, details!!.deliveryMedium)
    assertEquals("email", details.attributeName)
    assertEquals(masked, details.destination)
}

internal fun assertError(e: CognitoIdentityProviderException, code: String, message: String) {
    assertEquals(code, e.sdkErrorMetadata.errorCode)
    assertEquals(message, e.sdkErrorMetadata.errorMessage)
    assertEquals(400, (e.sdkErrorMetadata.protocolResponse as HttpResponse).status.value)
}

/** AWS SDK for Kotlin against userpool, endpoint set in code (endpointUrl). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation::class)
class EndpointInCodeTest {
    private lateinit var cognito: CognitoIdentityProviderClient
    private lateinit var pool: UserPoolType
    private lateinit var publicClient: UserPoolClientType
    private lateinit var secretClient: UserPoolClientType

    private var user: String? = null
    private var newestCode: String? = null
    private var supersededCode: String? = null
    private var confirmed = false
    private var secretUser: String? = null
    private var secretCode: String? = null

    @BeforeAll
    fun createPoolAndClients(): Unit = runBlocking {
        assertNull(System.getenv("AWS_ENDPOINT_URL"), "the in-code suite must not see AWS_ENDPOINT_URL")
        cognito = CognitoIdentityProviderClient.fromEnvironment {
            region = "us-east-1"
            endpointUrl = Url.parse(Support.endpoint())
        }
        pool = cognito.createUserPool(
            CreateUserPoolRequest {
                poolName = unique("conformance-kotlin-")
                autoVerifiedAttributes = listOf(VerifiedAttributeType.Email)
            },
        ).userPool!!
        publicClient = cognito.createUserPoolClient(
            CreateUserPoolClientRequest {
                userPoolId = pool.id
                clientName = "public"
                explicitAuthFlows = FLOWS
                preventUserExistenceErrors = PreventUserExistenceErrorTypes.Legacy
            },
        ).userPoolClient!!
        secretClient = cognito.createUserPoolClient(
            CreateUserPoolClientRequest {
                userPoolId = pool.id
                clientName = "confidential"
                generateSecret = true
                explicitAuthFlows = FLOWS
            },
        ).userPoolClient!!
    }

    @AfterAll
    fun close() {
        if (::cognito.isInitialized) cognito.close()
    }

    /** ResendConfirmationCode as the AWS docs' Kotlin example builds it (clientId, username), plus SecretHash for a secret client. */
    private suspend fun resendConfirmationCode(clientIdVal: String, userNameVal: String, clientSecret: String? = null): CodeDeliveryDetailsType? {
        val codeRequest = ResendConfirmationCodeRequest {
            clientId = clientIdVal
            username = userNameVal
            if (clientSecret != null) secretHash = secretHash(userNameVal, clientIdVal, clientSecret)
        }
        val response = cognito.resendConfirmationCode(codeRequest)
        return response.codeDeliveryDetails
    }

    private suspend fun signUp(clientIdVal: String, clientSecret: String?, name: String, email: String): SignUpResponse =
        cognito.signUp(
            SignUpRequest {
                clientId = clientIdVal
                username = name
                password = PASSWORD
                userAttributes = listOf(AttributeType { this.name = "email"; value = email })
                if (clientSecret != null) secretHash = secretHash(name, clientIdVal, clientSecret)
            },
        )

    private fun assertTokens(auth: AuthenticationResultType?) {
        assertNotNull(auth, "AuthenticationResult")
        for (token in listOf(auth!!.accessToken, auth.idToken, auth.refreshToken)) {
            assertFalse(token.isNullOrEmpty())
        }
        assertEquals(3, auth.accessToken!!.split(".").size, "AccessToken is not a JWT")
        assertEquals(3, auth.idToken!!.split(".").size, "IdToken is not a JWT")
    }

    @Test
    @Order(1)
    fun createPoolAndClientsResponses() {
        assertTrue(Regex("us-east-1_[0-9A-Za-z]+").matches(pool.id!!), pool.id)
        assertEquals(listOf(VerifiedAttributeType.Email), pool.autoVerifiedAttributes)
        assertEquals(pool.id, publicClient.userPoolId)
        assertEquals(pool.id, secretClient.userPoolId)
        assertNull(publicClient.clientSecret)
        assertNotNull(secretClient.clientSecret)
        assertTrue(publicClient.explicitAuthFlows!!.containsAll(FLOWS))
        assertTrue(secretClient.explicitAuthFlows!!.containsAll(FLOWS))
    }

    @Test
    @Order(2)
    fun signUpDeliversCode(): Unit = runBlocking {
        val username = unique("jane")
        val email = "$username@example.com"
        val response = signUp(publicClient.clientId!!, null, username, email)
        assertFalse(response.userConfirmed)
        assertTrue(Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matches(response.userSub))
        assertDelivery(response.codeDeliveryDetails, "j***@e***")
        val newest = waitForMessages(pool.id!!, username, 1)[0]
        assertEquals("EMAIL", newest.channel)
        assertEquals(email, newest.to)
        assertEquals(pool.id, newest.poolId)
        assertEquals(username, newest.username)
        assertTrue(newest.code != null && Regex("\\d{6}").matches(newest.code), "code ${newest.code}")
        user = username
    }

    @Test
    @Order(3)
    fun resendConfirmationCode(): Unit = runBlocking {
        val username = user ?: throw AssertionError("no signed-up user")
        assertDelivery(resendConfirmationCode(publicClient.clientId!!, username), "j***@e***")
        val messages = waitForMessages(pool.id!!, username, 2)
        assertTrue(Regex("\\d{6}").matches(messages[0].code ?: ""))
        newestCode = messages[0].code
        supersededCode = messages[1].code
    }

    @Test
    @Order(4)
    fun supersededCodeIsRejected(): Unit = runBlocking {
        assertNotNull(supersededCode, "no superseded code")
        assertNotEquals(supersededCode, newestCode)
        val e = assertThrows<CodeMismatchException> {
            cognito.confirmSignUp(
                ConfirmSignUpRequest {
                    clientId = publicClient.clientId
                    username = user
                    confirmationCode = supersededCode
                },
            )
        }
        assertError(e, "CodeMismatchException", "Invalid verification code provided, please try again.")
    }

    @Test
    @Order(5)
    fun confirmSignUpWithNewestCode(): Unit = runBlocking {
        assertNotNull(newestCode, "no code")
        cognito.confirmSignUp(
            ConfirmSignUpRequest {
                clientId = publicClient.clientId
                username = user
                confirmationCode = newestCode
            },
        )
        confirmed = true
    }

    @Test
    @Order(6)
    fun resendAfterConfirmationFails(): Unit = runBlocking {
        assertTrue(confirmed, "user not confirmed")
        val e = assertThrows<InvalidParameterException> { resendConfirmationCode(publicClient.clientId!!, user!!) }
        assertError(e, "InvalidParameterException", "User is already confirmed.")
    }

    @Test
    @Order(7)
    fun initiateAuthUserPassword(): Unit = runBlocking {
        assertTrue(confirmed, "user not confirmed")
        val result = cognito.initiateAuth(
            InitiateAuthRequest {
                clientId = publicClient.clientId
                authFlow = AuthFlowType.UserPasswordAuth
                authParameters = mapOf("USERNAME" to user!!, "PASSWORD" to PASSWORD)
            },
        )
        assertTokens(result.authenticationResult)
    }

    @Test
    @Order(8)
    fun secretClientSignUpAndResend(): Unit = runBlocking {
        val clientIdVal = secretClient.clientId!!
        val username = unique("sam")
        assertFalse(signUp(clientIdVal, secretClient.clientSecret, username, "$username@example.org").userConfirmed)
        waitForMessages(pool.id!!, username, 1)
        assertDelivery(resendConfirmationCode(clientIdVal, username, secretClient.clientSecret), "s***@e***")
        secretCode = waitForMessages(pool.id!!, username, 2)[0].code
        secretUser = username
    }

    @Test
    @Order(9)
    fun secretClientConfirmAndSignIn(): Unit = runBlocking {
        val username = secretUser ?: throw AssertionError("no secret-client user")
        val clientIdVal = secretClient.clientId!!
        val hash = secretHash(username, clientIdVal, secretClient.clientSecret!!)
        cognito.confirmSignUp(
            ConfirmSignUpRequest {
                clientId = clientIdVal
                secretHash = hash
                this.username = username
                confirmationCode = secretCode
            },
        )
        val result = cognito.initiateAuth(
            InitiateAuthRequest {
                clientId = clientIdVal
                authFlow = AuthFlowType.UserPasswordAuth
                authParameters = mapOf("USERNAME" to username, "PASSWORD" to PASSWORD, "SECRET_HASH" to hash)
            },
        )
        assertTokens(result.authenticationResult)
    }

    @Test
    @Order(10)
    fun wrongSecretHashIsRejected(): Unit = runBlocking {
        val clientIdVal = secretClient.clientId!!
        val name = unique("wrong")
        val e = assertThrows<NotAuthorizedException> {
            cognito.resendConfirmationCode(
                ResendConfirmationCodeRequest {
                    clientId = clientIdVal
                    username = name
                    secretHash = secretHash(name, clientIdVal, "not-the-client-secret")
                },
            )
        }
        assertError(e, "NotAuthorizedException", "Unable to verify secret hash for client $clientIdVal")
    }

    @Test
    @Order(11)
    fun unknownUserLegacyClient(): Unit = runBlocking {
        val e = assertThrows<UserNotFoundException> { resendConfirmationCode(publicClient.clientId!!, unique("nobody")) }
        assertError(e, "UserNotFoundException", "Username/client id combination not found.")
    }

    @Test
    @Order(12)
    fun unknownClientId(): Unit = runBlocking {
        val unknown = "0123456789abcdefghijklmnop" // 26 lowercase alphanumerics, never issued
        val e = assertThrows<ResourceNotFoundException> { resendConfirmationCode(unknown, "someone") }
        assertError(e, "ResourceNotFoundException", "User pool client $unknown does not exist.")
    }

    @Test
    @Order(13)
    fun sixthResendWithinAnHourIsLimited(): Unit = runBlocking {
        val clientIdVal = publicClient.clientId!!
        val username = unique("lim")
        signUp(clientIdVal, null, username, "$username@example.com")
        for (attempt in 1..5) {
            assertEquals(DeliveryMediumType.Email, resendConfirmationCode(clientIdVal, username)?.deliveryMedium, "resend #$attempt")
        }
        val e = assertThrows<LimitExceededException> { resendConfirmationCode(clientIdVal, username) }
        assertError(e, "LimitExceededException", "Attempt limit exceeded, please try after some time.")
    }

    @Test
    @Order(14)
    fun usernameWithSpaceFailsValidation(): Unit = runBlocking {
        val e = assertThrows<InvalidParameterException> { resendConfirmationCode(publicClient.clientId!!, "has space") }
        assertError(e, "InvalidParameterException", VALIDATION_MESSAGE)
    }
}
