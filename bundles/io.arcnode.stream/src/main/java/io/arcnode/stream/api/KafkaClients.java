package io.arcnode.stream.api;

import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/** Creating Kafka clients inside OSGi. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * Runs {@code create} with the kafka-clients bundle's class loader as the context class loader: the clients
     * load their serializers, partitioners and compression codecs through it, and the caller's bundle does not see
     * them.
     *
     * @return what {@code create} made (a producer, consumer or admin client)
     */
    public static <T> T create(Supplier<T> create) {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(KafkaProducer.class.getClassLoader());
        try {
            return create.get();
        } finally {
            t.setContextClassLoader(saved);
        }
    }
}
