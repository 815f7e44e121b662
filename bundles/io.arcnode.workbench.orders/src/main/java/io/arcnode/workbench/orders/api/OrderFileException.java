package io.arcnode.workbench.orders.api;

import java.nio.file.Path;

/** An order file or the workspace folder cannot be read or written; the message names the file and the reason. */
public final class OrderFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** @param cause may be null */
    public OrderFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** @return the file or folder */
    public Path file() {
        return file;
    }
}
