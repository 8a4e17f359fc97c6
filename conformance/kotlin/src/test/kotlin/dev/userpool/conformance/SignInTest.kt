package dev.userpool.conformance

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminCreateUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AdminGetUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AuthFlowType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.AuthenticationResultType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ChallengeNameType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolClientRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CreateUserPoolRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ExplicitAuthFlowsType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.GetUserRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.GlobalSignOutRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.InitiateAuthRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.MessageActionType
import aws.sdk.kotlin.services.cognitoidentityprovider.model.NotAuthorizedException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserStatusType
import aws.smithy.kotlin.runtime.net.url.Url
import dev.userpool.conformance.Support.PASSWORD
import dev.userpool.conformance.Support.unique
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

private const val TEMPORARY_PASSWORD = "Temp0rary!"

/**
 * Without SRP: an admin-created user answers NEW_PASSWORD_REQUIRED and gets tokens; GlobalSignOut then revokes the
 * access token and the refresh token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {
    private lateinit var cognito: CognitoIdentityProviderClient
    private lateinit var poolId: String
    private lateinit var clientId: String

    @BeforeAll
    fun createPoolAndClient(): Unit = runBlocking {
        cognito = CognitoIdentityProviderClient.fromEnvironment {
            region = "us-east-1"
            endpointUrl = Url.parse(Support.endpoint())
        }
        poolId = cognito.createUserPool(CreateUserPoolRequest { poolName = unique("conformance-kotlin-sign-in-") }).userPool!!.id!!
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

    /**
     * AdminCreateUser (TemporaryPassword, SUPPRESS) → InitiateAuth USER_PASSWORD_AUTH → NEW_PASSWORD_REQUIRED →
     * RespondToAuthChallenge with NEW_PASSWORD. Returns the username and the tokens.
     */
    private suspend fun adminCreatedUserSignsIn(): Pair<String, AuthenticationResultType> {
        val name = unique("adm")
        val created = cognito.adminCreateUser(
            AdminCreateUserRequest {
                userPoolId = poolId
                username = name
                temporaryPassword = TEMPORARY_PASSWORD
                messageAction = MessageActionType.Suppress
            },
        ).user!!
        assertEquals(name, created.username)
        assertEquals(UserStatusType.ForceChangePassword, created.userStatus)
        val challenge = cognito.initiateAuth(
            InitiateAuthRequest {
                clientId = this@SignInTest.clientId
                authFlow = AuthFlowType.UserPasswordAuth
                authParameters = mapOf("USERNAME" to name, "PASSWORD" to TEMPORARY_PASSWORD)
            },
        )
        assertEquals(ChallengeNameType.NewPasswordRequired, challenge.challengeName)
        assertFalse(challenge.session.isNullOrEmpty(), "Session missing")
        assertNull(challenge.authenticationResult)
        assertEquals("[]", challenge.challengeParameters!!["requiredAttributes"])
        val tokens = cognito.respondToAuthChallenge(
            RespondToAuthChallengeRequest {
                clientId = this@SignInTest.clientId
                challengeName = ChallengeNameType.NewPasswordRequired
                session = challenge.session
                challengeResponses = mapOf("USERNAME" to name, "NEW_PASSWORD" to PASSWORD)
            },
        ).authenticationResult!!
        for (token in listOf(tokens.accessToken, tokens.idToken, tokens.refreshToken)) assertFalse(token.isNullOrEmpty())
        assertEquals(3, tokens.accessToken!!.split('.').size, "AccessToken is not a JWT")
        assertEquals(3, tokens.idToken!!.split('.').size, "IdToken is not a JWT")
        return name to tokens
    }

    @Test
    fun adminCreateUserThenNewPasswordRequired(): Unit = runBlocking {
        val (name, tokens) = adminCreatedUserSignsIn()
        assertEquals(name, cognito.getUser(GetUserRequest { accessToken = tokens.accessToken }).username)
        val status = cognito.adminGetUser(AdminGetUserRequest { userPoolId = poolId; username = name }).userStatus
        assertEquals(UserStatusType.Confirmed, status)
    }

    @Test
    fun globalSignOutRevokesTheTokens(): Unit = runBlocking {
        val (name, tokens) = adminCreatedUserSignsIn()
        assertEquals(name, cognito.getUser(GetUserRequest { accessToken = tokens.accessToken }).username)
        cognito.globalSignOut(GlobalSignOutRequest { accessToken = tokens.accessToken })
        val revoked = assertThrows<NotAuthorizedException> {
            runBlocking { cognito.getUser(GetUserRequest { accessToken = tokens.accessToken }) }
        }
        assertError(revoked, "NotAuthorizedException", "Access Token has been revoked")
        val refused = assertThrows<NotAuthorizedException> {
            runBlocking {
                cognito.initiateAuth(
                    InitiateAuthRequest {
                        clientId = this@SignInTest.clientId
                        authFlow = AuthFlowType.RefreshTokenAuth
                        authParameters = mapOf("REFRESH_TOKEN" to tokens.refreshToken!!)
                    },
                )
            }
        }
        assertError(refused, "NotAuthorizedException", "Refresh Token has been revoked")
    }
}
