package io.chatapp.tools;

/** A command line the tool cannot act on: reported with the usage, exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
