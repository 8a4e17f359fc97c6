package dev.userpool.conformance

import com.fasterxml.jackson.databind.ObjectMapper
import java.net.URI
import java.net.URLEncoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.SecureRandom
import java.time.Duration
import java.util.Base64
import java.util.HexFormat
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

/** Helpers shared by the suites: endpoint, SecretHash, dev-inbox polling. */
object Support {
    const val PASSWORD = "Passw0rd!"
    val INBOX_TIMEOUT: Duration = Duration.ofSeconds(3)
    /** The exact message userpool returns for test 14; the pattern holds literal backslashes (`\\p` in Kotlin source). */
    const val VALIDATION_MESSAGE =
        "1 validation error detected: Value at 'username' failed to satisfy constraint: " +
            "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"

    private val http = HttpClient.newHttpClient()
    private val json = ObjectMapper()
    private val random = SecureRandom()

    /** The userpool address the runner started, e.g. http://127.0.0.1:40123. */
    fun endpoint(): String {
        val fromProperty = System.getProperty("userpool.endpoint")?.takeUnless { it.isBlank() || it.contains("\${") }
        val value = fromProperty ?: System.getenv("USERPOOL_ENDPOINT")?.takeUnless { it.isBlank() }
            ?: throw IllegalStateException("USERPOOL_ENDPOINT is not set: run this suite through conformance/run.mjs")
        return value.trimEnd('/')
    }

    /** Base64(HMAC-SHA256(key = client secret, message = username + client id)). */
    fun secretHash(username: String, clientId: String, clientSecret: String): String {
        val mac = Mac.getInstance("HmacSHA256")
        mac.init(SecretKeySpec(clientSecret.toByteArray(Charsets.UTF_8), "HmacSHA256"))
        return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).toByteArray(Charsets.UTF_8)))
    }

    fun unique(prefix: String): String {
        val bytes = ByteArray(4).also(random::nextBytes)
        return prefix + HexFormat.of().formatHex(bytes)
    }

    /** One dev-inbox message. */
    data class Message(
        val channel: String?, val to: String?, val code: String?, val poolId: String?, val username: String?, val purpose: String? = null,
    )

    fun inbox(poolId: String, username: String): List<Message> {
        val query = "poolId=" + URLEncoder.encode(poolId, Charsets.UTF_8) +
            "&username=" + URLEncoder.encode(username, Charsets.UTF_8)
        val request = HttpRequest.newBuilder(URI.create("${endpoint()}/_dev/inbox/messages?$query"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        if (response.statusCode() != 200) throw AssertionError("inbox answered ${response.statusCode()}: ${response.body()}")
        return json.readTree(response.body()).path("messages").map { m ->
            Message(
                m.path("channel").asText(null),
                m.path("to").asText(null),
                m.path("code").asText(null),
                m.path("poolId").asText(null),
                m.path("username").asText(null),
                m.path("purpose").asText(null),
            )
        }
    }

    /** The newest delivered code of [purpose] for the user, once [count] messages exist. */
    fun newestCode(poolId: String, username: String, purpose: String, count: Int): String =
        waitForMessages(poolId, username, count).firstOrNull { it.purpose == purpose }?.code
            ?: throw AssertionError("no $purpose message for $username")

    /** Polls the dev inbox until at least [count] messages exist (newest first). */
    fun waitForMessages(poolId: String, username: String, count: Int): List<Message> {
        val deadline = System.nanoTime() + INBOX_TIMEOUT.toNanos()
        while (true) {
            val messages = inbox(poolId, username)
            if (messages.size >= count) return messages
            if (System.nanoTime() > deadline) {
                throw AssertionError("expected $count message(s) for $username within $INBOX_TIMEOUT, got $messages")
            }
            Thread.sleep(50)
        }
    }
}
