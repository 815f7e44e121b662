package io.arcnode.gateway.overflow.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link StreamAdmin} over Kafka's admin client. Disk use: with a budget, the sum of every partition log on every
 * broker ({@code describeLogDirs}: Kafka's own account, internal topics included); without one (budget 0), the fill
 * of the log directories' volumes as the broker reports them (total minus usable bytes). Deleting: per partition the
 * offset of the first record at or after the cutoff ({@code listOffsets} by timestamp), then {@code deleteRecords}
 * below it.
 */
public final class KafkaStreamAdmin implements StreamAdmin {

    private static final long TIMEOUT_S = 10;

    private final Admin admin;
    private final long budgetBytes;

    /** @param budgetBytes the disk budget, 0: the log volume's size */
    public KafkaStreamAdmin(Admin admin, long budgetBytes) {
        this.admin = admin;
        this.budgetBytes = budgetBytes;
    }

    @Override
    public DiskUsage usage() throws Exception {
        List<Integer> brokers = admin.describeCluster().nodes().get(TIMEOUT_S, TimeUnit.SECONDS).stream()
                .map(Node::id).toList();
        Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(brokers).allDescriptions()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        long logs = 0;
        long total = 0;
        long usable = 0;
        for (Map<String, LogDirDescription> perBroker : dirs.values()) {
            for (LogDirDescription d : perBroker.values()) {
                for (ReplicaInfo r : d.replicaInfos().values()) {
                    logs += r.size();
                }
                total += d.totalBytes().orElse(0);
                usable += d.usableBytes().orElse(0);
            }
        }
        if (budgetBytes > 0) {
            return new DiskUsage(logs, budgetBytes, "partition logs against disk_budget_mb");
        }
        if (total <= 0) {
            throw new IllegalStateException("the broker reports no volume size for its log directories: set "
                    + "stream.disk_budget_mb");
        }
        return new DiskUsage(total - usable, total, "log volume fill");
    }

    @Override
    public long deleteBefore(String topic, Instant cutoff) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS)
                .get(topic);
        Map<TopicPartition, OffsetSpec> atCutoff = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        d.partitions().forEach(p -> {
            TopicPartition tp = new TopicPartition(topic, p.partition());
            atCutoff.put(tp, OffsetSpec.forTimestamp(cutoff.toEpochMilli()));
            earliest.put(tp, OffsetSpec.earliest());
            latest.put(tp, OffsetSpec.latest());
        });
        Map<TopicPartition, ListOffsetsResultInfo> cut = admin.listOffsets(atCutoff).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> start = admin.listOffsets(earliest).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(latest).all()
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        long count = 0;
        for (TopicPartition tp : atCutoff.keySet()) {
            // no record at or after the cutoff: every record is older
            long before = cut.get(tp).offset() < 0 ? end.get(tp).offset() : cut.get(tp).offset();
            long from = start.get(tp).offset();
            if (before > from) {
                delete.put(tp, RecordsToDelete.beforeOffset(before));
                count += before - from;
            }
        }
        if (!delete.isEmpty()) {
            admin.deleteRecords(delete).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        }
        return count;
    }
}
