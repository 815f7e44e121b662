package io.arcnode.sink.s3.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * The objects' format: an Avro object container file (deflate), readable by any Avro tool, with the file metadata
 * {@value #OFFSETS} (the source offset of each record, in record order, as ascending runs {@code a-b,c,d-e}) and
 * {@value #SOURCE} ({@code topic/partition}).
 */
final class AvroObjects {

    /** Metadata key: the source offsets of the records. */
    static final String OFFSETS = "arcnode.offsets";
    /** Metadata key: the source partition. */
    static final String SOURCE = "arcnode.source";

    /** One stored record with its source offset. */
    record Stored(long offset, GenericRecord record) {
    }

    private AvroObjects() {
    }

    /** @param records in ascending offset order */
    static byte[] write(Schema schema, String topic, int partition, List<Stored> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
            w.setCodec(CodecFactory.deflateCodec(6));
            w.setMeta(SOURCE, topic + "/" + partition);
            w.setMeta(OFFSETS, runs(records));
            w.create(schema, out);
            for (Stored s : records) {
                w.append(s.record());
            }
        }
        return out.toByteArray();
    }

    /** @return the records of an object written by {@link #write}, with their offsets */
    static List<Stored> read(byte[] bytes) throws IOException {
        List<Stored> out = new ArrayList<>();
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(new SeekableByteArrayInput(bytes),
                new GenericDatumReader<>())) {
            byte[] meta = r.getMeta(OFFSETS);
            if (meta == null) {
                throw new IOException("object has no " + OFFSETS + " metadata");
            }
            List<Long> offsets = parseRuns(new String(meta, StandardCharsets.US_ASCII));
            int i = 0;
            while (r.hasNext()) {
                if (i >= offsets.size()) {
                    throw new IOException("object has more records than " + OFFSETS + " lists");
                }
                out.add(new Stored(offsets.get(i++), r.next()));
            }
            if (i != offsets.size()) {
                throw new IOException("object has fewer records than " + OFFSETS + " lists");
            }
        }
        return out;
    }

    static String runs(List<Stored> records) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < records.size()) {
            long start = records.get(i).offset();
            long end = start;
            while (i + 1 < records.size() && records.get(i + 1).offset() == end + 1) {
                end = records.get(++i).offset();
            }
            i++;
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(start);
            if (end != start) {
                b.append('-').append(end);
            }
        }
        return b.toString();
    }

    static List<Long> parseRuns(String runs) throws IOException {
        List<Long> out = new ArrayList<>();
        if (runs.isEmpty()) {
            return out;
        }
        try {
            for (String run : runs.split(",")) {
                int dash = run.indexOf('-');
                long a = Long.parseLong(dash < 0 ? run : run.substring(0, dash));
                long b = dash < 0 ? a : Long.parseLong(run.substring(dash + 1));
                for (long o = a; o <= b; o++) {
                    out.add(o);
                }
            }
        } catch (NumberFormatException e) {
            throw new IOException(OFFSETS + " metadata is not a list of offset runs: " + runs, e);
        }
        return out;
    }
}
