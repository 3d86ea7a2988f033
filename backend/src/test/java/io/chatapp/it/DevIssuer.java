package io.chatapp.it;

import io.chatapp.client.Issuer;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Gets real tokens from the development OIDC issuer, and makes the kinds of bad ones the server must refuse. */
final class DevIssuer {

    static final String CLIENT_ID = Issuer.CHAT_CLIENT;

    private DevIssuer() {
    }

    /** An access token for the user, issued to the chat client (resource-owner password grant). */
    static String token(String user) {
        return token(TestStack.issuer(), user, CLIENT_ID);
    }

    /** A token issued to another client: the wrong audience for the chat service. */
    static String tokenForOtherClient(String user) {
        return token(TestStack.issuer(), user, "other-client");
    }

    /** A token from another issuer on the same server: right audience, wrong {@code iss} and keys. */
    static String tokenFromOtherIssuer(String user) {
        return token(TestStack.issuer().replaceFirst("/dex$", "/other-issuer"), user, CLIENT_ID);
    }

    /** A token whose {@code exp} lies years in the past (the issuer's test user {@code expired-token}). */
    static String expiredToken() {
        return token("expired-token");
    }

    /** A valid token's header and claims, signed by a key the issuer never published. */
    static String tokenWithForeignSignature(String user) throws Exception {
        String[] parts = token(user).split("\\.");
        return signForeign(parts[0], parts[1]);
    }

    /** A token whose {@code nbf} lies years in the future (the issuer's test user {@code not-yet-valid}). */
    static String notYetValidToken() {
        return token("not-yet-valid");
    }

    /** A validly signed token with no {@code sub} at all: the issuer's client {@code subjectless-client}, client-credentials grant. */
    static String tokenWithoutSubject() {
        return IssuedSecrets.record(new Issuer(TestStack.issuer()).grant("grant_type=client_credentials&client_id=subjectless-client&client_secret=unused&scope=openid"));
    }

    /** A validly signed token whose {@code sub} is empty (the issuer's test user {@code no-subject}). */
    static String tokenWithEmptySubject() {
        return token("no-subject");
    }

    /** A valid token's claims with {@code alg: none} and no signature. */
    static String unsignedToken(String user) {
        String[] parts = token(user).split("\\.");
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    /**
     * A valid token's claims signed with HS256, the issuer's public RSA key as the HMAC secret:
     * the key-confusion attack on servers that let the token choose the algorithm.
     *
     * @param keyEncoding {@code der} or {@code pem}: how the attacker encodes the public key
     */
    static String tokenSignedWithPublicKeyAsSecret(String user, String keyEncoding) throws Exception {
        JsonObject jwk = issuerKey();
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
        byte[] secret = "pem".equals(keyEncoding)
                ? ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII)
                : key.getEncoded();
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + jwk.getString("kid") + "\"}")
                + "." + token(user).split("\\.")[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A valid token's claims, signed by a key the issuer never published, under a {@code kid} it never used. */
    static String tokenWithUnknownKeyId(String user) throws Exception {
        String[] parts = token(user).split("\\.");
        return signForeign(encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"not-a-key-of-the-issuer\"}"), parts[1]);
    }

    /** A valid token with one character of its signature changed. */
    static String tokenWithBadSignature(String user) {
        String token = token(user);
        int at = token.lastIndexOf('.') + 10;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    /** A valid token whose claims were changed after signing: another {@code sub}. */
    static String tamperedToken(String user, String otherUser) {
        String[] parts = token(user).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + user + "\"", "\"sub\":\"" + otherUser + "\"");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static JsonObject issuerKey() {
        return new Issuer(TestStack.issuer()).keys().getJsonArray("keys").getJsonObject(0);
    }

    private static String signForeign(String header, String claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    private static String token(String issuer, String user, String clientId) {
        return IssuedSecrets.record(new Issuer(issuer).token(user, "dev", clientId));
    }
}
