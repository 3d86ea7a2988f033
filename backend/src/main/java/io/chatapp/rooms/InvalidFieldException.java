package io.chatapp.rooms;

/** A request field that breaks a rule no annotation can state (such as naming the caller where another user is meant). */
public class InvalidFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
