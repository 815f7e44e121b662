package io.arcnode.http.internal;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBucket;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DistributionDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;

/**
 * The Prometheus text exposition format (version 0.0.4) for the snapshots of a {@code PrometheusRegistry}.
 * Written here because the 1.8.0 text-format bundle imports a package no bundle exports, so it cannot resolve in OSGi.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    static String write(MetricSnapshots snapshots) {
        StringBuilder out = new StringBuilder(1024);
        for (MetricSnapshot s : snapshots) {
            String name = s.getMetadata().getPrometheusName();
            if (s instanceof CounterSnapshot c) {
                header(out, name + "_total", s, "counter");
                c.getDataPoints().forEach(d -> sample(out, name + "_total", d.getLabels(), null, null, d.getValue()));
            } else if (s instanceof GaugeSnapshot g) {
                header(out, name, s, "gauge");
                g.getDataPoints().forEach(d -> sample(out, name, d.getLabels(), null, null, d.getValue()));
            } else if (s instanceof InfoSnapshot i) {
                header(out, name + "_info", s, "gauge");
                i.getDataPoints().forEach(d -> sample(out, name + "_info", d.getLabels(), null, null, 1));
            } else if (s instanceof StateSetSnapshot ss) {
                header(out, name, s, "gauge");
                ss.getDataPoints().forEach(d -> {
                    for (int k = 0; k < d.size(); k++) {
                        sample(out, name, d.getLabels(), name, d.getName(k), d.isTrue(k) ? 1 : 0);
                    }
                });
            } else if (s instanceof HistogramSnapshot h) {
                header(out, name, s, "histogram");
                for (HistogramSnapshot.HistogramDataPointSnapshot d : h.getDataPoints()) {
                    long cumulative = 0;
                    for (ClassicHistogramBucket b : d.getClassicBuckets()) {
                        cumulative += b.getCount();
                        sample(out, name + "_bucket", d.getLabels(), "le", number(b.getUpperBound()), cumulative);
                    }
                    countAndSum(out, name, d);
                }
            } else if (s instanceof SummarySnapshot sum) {
                header(out, name, s, "summary");
                for (SummarySnapshot.SummaryDataPointSnapshot d : sum.getDataPoints()) {
                    for (Quantile q : d.getQuantiles()) {
                        sample(out, name, d.getLabels(), "quantile", number(q.getQuantile()), q.getValue());
                    }
                    countAndSum(out, name, d);
                }
            } else if (s instanceof UnknownSnapshot u) {
                header(out, name, s, "untyped");
                u.getDataPoints().forEach(d -> sample(out, name, d.getLabels(), null, null, d.getValue()));
            }
        }
        return out.toString();
    }

    private static void countAndSum(StringBuilder out, String name, DistributionDataPointSnapshot d) {
        if (d.hasCount()) {
            sample(out, name + "_count", d.getLabels(), null, null, d.getCount());
        }
        if (d.hasSum()) {
            sample(out, name + "_sum", d.getLabels(), null, null, d.getSum());
        }
    }

    private static void header(StringBuilder out, String name, MetricSnapshot s, String type) {
        String help = s.getMetadata().getHelp();
        if (help != null) {
            out.append("# HELP ").append(name).append(' ')
                    .append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, Labels labels, String extraName, String extraValue,
            double value) {
        out.append(name);
        if (!labels.isEmpty() || extraName != null) {
            out.append('{');
            boolean first = true;
            for (int i = 0; i < labels.size(); i++) {
                first = label(out, first, labels.getPrometheusName(i), labels.getValue(i));
            }
            if (extraName != null) {
                label(out, first, extraName, extraValue);
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    private static boolean label(StringBuilder out, boolean first, String name, String value) {
        if (!first) {
            out.append(',');
        }
        out.append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        return false;
    }

    static String number(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
