package it.ngsiena.kernel.events;

/** A record that is not a readable CloudEvent, or whose data does not fit its type: it goes to the DLQ. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
