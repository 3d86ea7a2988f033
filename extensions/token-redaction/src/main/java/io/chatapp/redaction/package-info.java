/**
 * Keeps JSON Web Tokens out of every log Liberty writes. Liberty quotes a token whose signature
 * it refuses (CWWKS5523E, and the FFDC incident behind it); this Liberty user feature
 * (tokenRedaction-1.0) replaces such tokens with "[token redacted]" in messages.log, the console,
 * trace.log and FFDC files. It runs in the server's kernel, not in the application.
 */
package io.chatapp.redaction;
