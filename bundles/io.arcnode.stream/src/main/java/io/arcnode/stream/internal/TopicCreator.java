package io.arcnode.stream.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

import io.arcnode.stream.api.StreamTopics;

/** Creates the topics of {@link StreamTopics#ALL}; topics that exist already are left as they are. */
public final class TopicCreator {

    private TopicCreator() {
    }

    /**
     * @return the topics this call created (empty when all existed)
     * @throws ExecutionException   when the broker refused a topic for another reason than that it exists
     * @throws TimeoutException     when the broker did not answer within {@code timeoutMs}
     */
    public static List<String> ensure(Admin admin, StreamSettings s, long timeoutMs)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<NewTopic> topics = StreamTopics.ALL.stream()
                .map(t -> new NewTopic(t, s.partitions(), s.replicationFactor())).toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        List<String> created = new ArrayList<>();
        for (String t : StreamTopics.ALL) {
            try {
                results.get(t).get(timeoutMs, TimeUnit.MILLISECONDS);
                created.add(t);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }
}
