package dev.userpool.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Helpers shared by the suites: endpoint, SecretHash, dev-inbox polling. */
final class Support {
  static final String PASSWORD = "Passw0rd!";
  static final Duration INBOX_TIMEOUT = Duration.ofSeconds(3);
  /** The exact message userpool returns for test 14; the pattern holds literal backslashes ({@code \\p} in Java source). */
  static final String VALIDATION_MESSAGE =
      "1 validation error detected: Value at 'username' failed to satisfy constraint: "
          + "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Support() {}

  /** The userpool address the runner started, e.g. http://127.0.0.1:40123. */
  static String endpoint() {
    String value = System.getProperty("userpool.endpoint");
    if (value == null || value.isBlank() || value.contains("${")) {
      value = System.getenv("USERPOOL_ENDPOINT");
    }
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "USERPOOL_ENDPOINT is not set: run this suite through conformance/run.mjs");
    }
    return value.replaceAll("/+$", "");
  }

  /** Base64(HMAC-SHA256(key = client secret, message = username + client id)). */
  static String secretHash(String username, String clientId, String clientSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] raw = mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(raw);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String unique(String prefix) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }

  /** One dev-inbox message. */
  record Message(String channel, String to, String code, String poolId, String username, String purpose) {}

  static List<Message> inbox(String poolId, String username) throws Exception {
    String query =
        "poolId=" + URLEncoder.encode(poolId, StandardCharsets.UTF_8)
            + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint() + "/_dev/inbox/messages?" + query))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("inbox answered " + response.statusCode() + ": " + response.body());
    }
    List<Message> messages = new ArrayList<>();
    for (JsonNode m : JSON.readTree(response.body()).path("messages")) {
      messages.add(
          new Message(
              m.path("channel").asText(null),
              m.path("to").asText(null),
              m.path("code").asText(null),
              m.path("poolId").asText(null),
              m.path("username").asText(null),
              m.path("purpose").asText(null)));
    }
    return messages;
  }

  /** The newest delivered code of {@code purpose} for the user, once {@code count} messages exist. */
  static String newestCode(String poolId, String username, String purpose, int count) throws Exception {
    for (Message m : waitForMessages(poolId, username, count)) {
      if (purpose.equals(m.purpose())) {
        return m.code();
      }
    }
    throw new AssertionError("no " + purpose + " message for " + username);
  }

  /** Polls the dev inbox until at least {@code count} messages exist (newest first). */
  static List<Message> waitForMessages(String poolId, String username, int count) throws Exception {
    long deadline = System.nanoTime() + INBOX_TIMEOUT.toNanos();
    while (true) {
      List<Message> messages = inbox(poolId, username);
      if (messages.size() >= count) {
        return messages;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " message(s) for " + username + " within " + INBOX_TIMEOUT
                + ", got " + messages);
      }
      Thread.sleep(50);
    }
  }
}
