package io.arcnode.workbench.internal.commissioning;

import io.arcnode.workbench.internal.Tables;
import io.arcnode.workbench.commissioning.api.GatewayConnection;
import io.arcnode.workbench.commissioning.api.GatewayPoller;
import io.arcnode.workbench.commissioning.api.LiveSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The gateway panel: the connections (add, edit, remove; choosing one connects), whether the gateway answers, and
 * its adapters' health from {@code /measurements}.
 */
public class GatewayPart {

    @Inject
    private CommissioningSession session;

    private Combo combo;
    private Label status;
    private TableViewer adapters;
    private List<GatewayConnection> listed = List.of();

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText("Gateway:");
        combo = new Combo(parent, SWT.READ_ONLY);
        combo.setData(CommissioningParts.ROLE_KEY, CommissioningParts.CONNECTIONS);
        combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        combo.addListener(SWT.Selection, e -> {
            int i = combo.getSelectionIndex();
            if (i >= 0 && i < listed.size() && !listed.get(i).equals(session.connection())) {
                session.connect(listed.get(i));
            }
        });
        new Label(parent, SWT.NONE);
        button(parent, "Add...", () -> edit(null));
        button(parent, "Edit...", () -> {
            if (session.connection() != null) {
                edit(session.connection());
            }
        });
        button(parent, "Remove", this::remove);
        status = new Label(parent, SWT.WRAP);
        status.setData(CommissioningParts.CSS_CLASS_KEY, "arcnode-status");
        status.setData(CommissioningParts.ROLE_KEY, CommissioningParts.STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        status.setText("Not connected: add a gateway or choose one above.");
        Composite table = new Composite(parent, SWT.NONE);
        table.setLayout(new GridLayout());
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        new Label(table, SWT.NONE).setText("Adapter health");
        adapters = Tables.create(table, SWT.SINGLE, CommissioningParts.ADAPTERS);
        adapters.setComparer(Tables.comparer(LiveSnapshot.Adapter.class, LiveSnapshot.Adapter::adapterId));
        Tables.<LiveSnapshot.Adapter>column(adapters, "Adapter", 200, LiveSnapshot.Adapter::adapterId);
        Tables.<LiveSnapshot.Adapter>column(adapters, "Protocol", 80, LiveSnapshot.Adapter::protocol);
        Tables.<LiveSnapshot.Adapter>column(adapters, "Status", 90, LiveSnapshot.Adapter::status);
        Tables.<LiveSnapshot.Adapter>column(adapters, "Received", 70, a -> Long.toString(a.received()));
        Tables.<LiveSnapshot.Adapter>column(adapters, "Gaps", 50, a -> Long.toString(a.gaps()));
        Tables.<LiveSnapshot.Adapter>column(adapters, "Reason", 200, LiveSnapshot.Adapter::reason);
        fill();
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private void edit(GatewayConnection initial) {
        GatewayConnectionDialog d = new GatewayConnectionDialog(combo.getShell(), initial);
        if (d.open() != Window.OK) {
            return;
        }
        try {
            char[] password = d.password();
            if (initial != null && password.length == 0) {
                password = session.connections().password(initial.name()).orElse("").toCharArray();
            }
            session.connections().save(d.result(), password);
        } catch (IOException | IllegalArgumentException e) {
            CommissioningSession.error(GatewayConnectionDialog.TITLE, e.getMessage(), e);
            return;
        }
        session.connect(d.result());
    }

    private void remove() {
        GatewayConnection c = session.connection();
        if (c == null) {
            return;
        }
        try {
            session.connections().remove(c.name());
        } catch (IOException e) {
            CommissioningSession.error(GatewayConnectionDialog.TITLE, e.getMessage(), e);
            return;
        }
        session.connect(null);
    }

    private void fill() {
        try {
            listed = session.connections().list();
        } catch (IOException e) {
            listed = List.of();
            CommissioningSession.error(GatewayConnectionDialog.TITLE, e.getMessage(), e);
        }
        combo.setItems(listed.stream().map(c -> c.name() + "  (" + c.url() + ")").toArray(String[]::new));
        int i = session.connection() == null ? -1 : listed.indexOf(session.connection());
        if (i >= 0) {
            combo.select(i);
        }
        polled();
    }

    @Inject
    @Optional
    public void connectionChanged(@UIEventTopic(CommissioningEvents.CONNECTION) CommissioningSession s) {
        if (combo != null && !combo.isDisposed()) {
            fill();
        }
    }

    @Inject
    @Optional
    public void poll(@UIEventTopic(CommissioningEvents.POLL) CommissioningSession s) {
        if (status != null && !status.isDisposed()) {
            polled();
        }
    }

    private void polled() {
        GatewayConnection c = session.connection();
        GatewayPoller.Poll p = session.lastPoll();
        if (c == null) {
            status.setText("Not connected: add a gateway or choose one above.");
            adapters.setInput(List.of());
        } else if (p == null) {
            status.setText("CONNECTING to " + c.name() + " (" + c.url() + ")");
        } else if (!p.online()) {
            status.setText("OFFLINE: " + p.error().getMessage());
        } else if (p.live() == null) {
            status.setText("ONLINE, but /measurements failed: " + p.error().getMessage());
        } else {
            LiveSnapshot l = p.live();
            status.setText("ONLINE: " + c.name() + ", " + l.adapters().size() + " adapters, " + l.received()
                    + " measurements received, " + l.published() + " published, " + l.gaps() + " gaps");
            adapters.setInput(l.adapters());
        }
        status.getParent().layout(true);
    }
}
