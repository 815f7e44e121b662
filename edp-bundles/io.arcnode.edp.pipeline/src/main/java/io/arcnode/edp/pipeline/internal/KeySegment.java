package io.arcnode.edp.pipeline.internal;

import java.util.regex.Pattern;

/** The one key-segment rule of the artifact store (interfaces cannot hold private constants). */
public final class KeySegment {

    /** A key segment: no leading dot, so never {@code .}, {@code ..} or a hidden/temporary file name. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private KeySegment() {
    }
}
