package io.arcnode.protocol.mqtt.internal;

import java.util.Arrays;
import java.util.List;

/**
 * An MQTT topic filter (MQTT 3.1.1 section 4.7): levels separated by {@code /}, {@code +} matches one level,
 * a trailing {@code #} matches the parent and any number of levels below; topics starting with {@code $} are
 * matched only by filters that name that first level. Immutable.
 */
record TopicFilter(String filter, List<String> levels) {

    TopicFilter {
        levels = List.copyOf(levels);
    }

    /** @throws IllegalArgumentException with the rule when {@code filter} is not a valid filter */
    static TopicFilter parse(String filter) {
        String problem = problem(filter);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new TopicFilter(filter, Arrays.asList(filter.split("/", -1)));
    }

    /** @return why {@code filter} is not a valid topic filter, {@code null} when it is */
    static String problem(String filter) {
        if (filter == null || filter.isEmpty()) {
            return "required";
        }
        if (filter.indexOf('\u0000') >= 0) {
            return "must not contain NUL";
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return "'#' must be the whole last level";
            }
            if (level.contains("+") && !level.equals("+")) {
                return "'+' must be a whole level";
            }
        }
        return null;
    }

    /** @return the index of the {@code #} level, or -1 */
    int multiLevelIndex() {
        return levels.get(levels.size() - 1).equals("#") ? levels.size() - 1 : -1;
    }

    /** @return whether a topic's level {@code index} (0-based) is a wildcard level of this filter */
    boolean isWildcardLevel(int index) {
        int multi = multiLevelIndex();
        if (multi >= 0 && index >= multi) {
            return true;
        }
        return index < levels.size() && levels.get(index).equals("+");
    }

    /** @return whether {@code topic} (a topic name, no wildcards) matches this filter */
    boolean matches(String topic) {
        String[] t = topic.split("/", -1);
        if (topic.startsWith("$") && !levels.get(0).startsWith("$")) {
            return false;
        }
        for (int i = 0; i < levels.size(); i++) {
            String f = levels.get(i);
            if (f.equals("#")) {
                return true; // also the parent level: "a/#" matches "a"
            }
            if (i >= t.length) {
                return false;
            }
            if (!f.equals("+") && !f.equals(t[i])) {
                return false;
            }
        }
        return t.length == levels.size();
    }

    /**
     * @param assetLevel the level that carries the asset id, or -1
     * @param asset      the asset id put at that level
     * @param filler     the level put at every other wildcard
     * @return a topic name this filter matches (the simulator publishes to it)
     */
    String sampleTopic(int assetLevel, String asset, String filler) {
        StringBuilder b = new StringBuilder();
        int multi = multiLevelIndex();
        int end = multi < 0 ? levels.size() : Math.max(multi + 1, assetLevel + 1);
        for (int i = 0; i < end; i++) {
            String f = i < levels.size() ? levels.get(i) : "#";
            String level = f.equals("+") || f.equals("#") ? (i == assetLevel ? asset : filler) : f;
            if (i > 0) {
                b.append('/');
            }
            b.append(level);
        }
        return b.toString();
    }

    /** @return level {@code index} (0-based) of {@code topic}, {@code null} when it has no such level */
    static String level(String topic, int index) {
        String[] t = topic.split("/", -1);
        return index < t.length ? t[index] : null;
    }
}
