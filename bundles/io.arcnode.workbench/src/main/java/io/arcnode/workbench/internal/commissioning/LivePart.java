package io.arcnode.workbench.internal.commissioning;

import io.arcnode.workbench.internal.Tables;
import io.arcnode.workbench.commissioning.api.GatewayPoller;
import io.arcnode.workbench.commissioning.api.LiveSnapshot;
import io.arcnode.workbench.commissioning.api.TrendChart;
import io.arcnode.workbench.commissioning.api.TrendWindow;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * Live data: the trend of the checked points (JFreeChart drawn into an image shown on an SWT canvas, redrawn on
 * every poll, 15 minutes of gateway time) above the last-values table (point, value, unit, quality, gateway time).
 */
public class LivePart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    @Inject
    private CommissioningSession session;

    private Canvas canvas;
    private Image image;
    private CheckboxTableViewer values;
    private Label hint;
    private final Set<String> trended = new LinkedHashSet<>();

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas = new Canvas(sash, SWT.DOUBLE_BUFFERED);
        canvas.setData(CommissioningParts.ROLE_KEY, CommissioningParts.TREND);
        canvas.setData(CommissioningParts.TREND_SAMPLES_KEY, 0);
        canvas.addListener(SWT.Paint, e -> {
            if (image != null && !image.isDisposed()) {
                e.gc.drawImage(image, 0, 0);
            }
        });
        canvas.addListener(SWT.Resize, e -> redraw());
        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout());
        hint = new Label(bottom, SWT.WRAP);
        hint.setText("Check points to trend them.");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        values = CheckboxTableViewer.newCheckList(bottom, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL
                | SWT.H_SCROLL);
        values.getTable().setHeaderVisible(true);
        values.getTable().setLinesVisible(true);
        values.getTable().setData(CommissioningParts.ROLE_KEY, CommissioningParts.VALUES);
        values.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        values.setContentProvider(org.eclipse.jface.viewers.ArrayContentProvider.getInstance());
        Tables.<LiveSnapshot.LastValue>column(values, "Point", 330, LiveSnapshot.LastValue::key);
        Tables.<LiveSnapshot.LastValue>column(values, "Value", 90,
                v -> String.format(Locale.ROOT, "%.4g", v.value()));
        Tables.<LiveSnapshot.LastValue>column(values, "Unit", 60, LiveSnapshot.LastValue::unit);
        Tables.<LiveSnapshot.LastValue>column(values, "Quality", 80, LiveSnapshot.LastValue::quality);
        Tables.<LiveSnapshot.LastValue>column(values, "Gateway time", 200,
                v -> v.gatewayTime() == null ? "" : TIME.format(v.gatewayTime()));
        values.setCheckStateProvider(new org.eclipse.jface.viewers.ICheckStateProvider() {
            @Override
            public boolean isChecked(Object element) {
                return trended.contains(((LiveSnapshot.LastValue) element).key());
            }

            @Override
            public boolean isGrayed(Object element) {
                return false;
            }
        });
        values.addCheckStateListener(e -> {
            String key = ((LiveSnapshot.LastValue) e.getElement()).key();
            if (e.getChecked()) {
                trended.add(key);
            } else {
                trended.remove(key);
            }
            redraw();
        });
        sash.setWeights(55, 45);
        polled(session);
    }

    @Inject
    @Optional
    public void polled(@UIEventTopic(CommissioningEvents.POLL) CommissioningSession s) {
        if (values == null || values.getTable().isDisposed()) {
            return;
        }
        GatewayPoller.Poll p = session.lastPoll();
        List<LiveSnapshot.LastValue> rows = p == null || p.live() == null ? new ArrayList<>()
                : new ArrayList<>(p.live().lastValues().values());
        rows.sort(java.util.Comparator.comparing(LiveSnapshot.LastValue::key));
        values.setInput(rows);
        hint.setText(p == null ? "Not connected." : !p.online() ? "Gateway offline: showing nothing new."
                : rows.size() + " points; check points to trend them (15 minutes, refreshed every poll).");
        redraw();
    }

    @Inject
    @Optional
    public void connected(@UIEventTopic(CommissioningEvents.CONNECTION) CommissioningSession s) {
        trended.clear();
        polled(s);
    }

    private void redraw() {
        Rectangle r = canvas.getClientArea();
        if (r.width < 10 || r.height < 10) {
            return;
        }
        TrendWindow trend = session.trend();
        List<String> keys = trended.stream().filter(k -> trend.keys().contains(k)).toList();
        BufferedImage chart = TrendChart.render(trend, keys, r.width, r.height);
        Image next = new Image(canvas.getDisplay(), io.arcnode.workbench.internal.edp.SwtImages.toSwt(chart));
        if (image != null) {
            image.dispose();
        }
        image = next;
        canvas.setData(CommissioningParts.TREND_SAMPLES_KEY, keys.stream().mapToInt(k -> trend.samples(k).size())
                .sum());
        canvas.redraw();
    }

    @PreDestroy
    public void dispose() {
        if (image != null) {
            image.dispose();
        }
    }
}
