package io.arcnode.protocol.modbus.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Configuration names of the enums: the constant name in lower case ({@code float32}, {@code rtu_over_tcp}). */
final class ConfigKeys {

    private ConfigKeys() {
    }

    static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed keys when {@code key} is none of them */
    static <E extends Enum<E>> E ofKey(Class<E> type, String what, String key) {
        for (E e : type.getEnumConstants()) {
            if (key(e).equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + key + "' ("
                + Arrays.stream(type.getEnumConstants()).map(ConfigKeys::key).collect(Collectors.joining(", ")) + ")");
    }
}
