package io.arcnode.edp.jobs.internal;

/** The job queue is full: the caller should retry later (HTTP 503 with {@code Retry-After}). */
public final class JobsBusyException extends Exception {

    private static final long serialVersionUID = 1L;

    public JobsBusyException(String message) {
        super(message);
    }
}
