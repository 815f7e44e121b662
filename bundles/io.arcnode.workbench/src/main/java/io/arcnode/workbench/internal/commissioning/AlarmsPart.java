package io.arcnode.workbench.internal.commissioning;

import io.arcnode.workbench.internal.Tables;
import io.arcnode.workbench.commissioning.api.GatewayAlarm;
import io.arcnode.workbench.commissioning.api.GatewayPoller;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The gateway's alarms (newest first, refreshed with every poll) with Acknowledge, Suppress and Unsuppress for the
 * selected alarm; the gateway records the operator (the connection's user, else the OS user) and the comment.
 */
public class AlarmsPart {

    @Inject
    private CommissioningSession session;

    private TableViewer table;
    private Label status;
    private Button ack;
    private Button suppress;
    private Button unsuppress;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ack = button(parent, "Acknowledge", CommissioningSession.AlarmAction.ACKNOWLEDGE);
        suppress = button(parent, "Suppress", CommissioningSession.AlarmAction.SUPPRESS);
        unsuppress = button(parent, "Unsuppress", CommissioningSession.AlarmAction.UNSUPPRESS);
        table = Tables.create(parent, SWT.SINGLE, CommissioningParts.ALARMS);
        ((GridData) table.getTable().getLayoutData()).horizontalSpan = 4;
        Tables.<GatewayAlarm>column(table, "Alarm", 60, GatewayAlarm::id);
        Tables.<GatewayAlarm>column(table, "State", 110, GatewayAlarm::state);
        Tables.<GatewayAlarm>column(table, "Severity", 75, GatewayAlarm::severity);
        Tables.<GatewayAlarm>column(table, "Asset", 150, GatewayAlarm::assetId);
        Tables.<GatewayAlarm>column(table, "Parameter", 120, GatewayAlarm::parameter);
        Tables.<GatewayAlarm>column(table, "Value", 70, a -> String.format(Locale.ROOT, "%.4g", a.value()));
        Tables.<GatewayAlarm>column(table, "Message", 260, GatewayAlarm::message);
        Tables.<GatewayAlarm>column(table, "Raised", 170, GatewayAlarm::raisedAt);
        Tables.<GatewayAlarm>column(table, "Acknowledged by", 110, GatewayAlarm::acknowledgedBy);
        table.addSelectionChangedListener(e -> enable());
        polled(session);
    }

    private Button button(Composite parent, String text, CommissioningSession.AlarmAction action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setEnabled(false);
        b.addListener(SWT.Selection, e -> {
            GatewayAlarm a = selected();
            if (a == null) {
                return;
            }
            InputDialog comment = new InputDialog(b.getShell(), text + " " + a.id(), "Comment for the alarm's history"
                    + " (recorded with " + session.operator() + " and the time):", "", null);
            if (comment.open() == Window.OK) {
                session.act(a, action, comment.getValue());
            }
        });
        return b;
    }

    private GatewayAlarm selected() {
        Object first = ((IStructuredSelection) table.getSelection()).getFirstElement();
        return first instanceof GatewayAlarm a ? a : null;
    }

    private void enable() {
        GatewayAlarm a = selected();
        ack.setEnabled(a != null && a.acknowledgeable());
        suppress.setEnabled(a != null && a.suppressible());
        unsuppress.setEnabled(a != null && "SUPPRESSED".equals(a.state()));
    }

    @Inject
    @Optional
    public void polled(@UIEventTopic(CommissioningEvents.POLL) CommissioningSession s) {
        if (table == null || table.getTable().isDisposed()) {
            return;
        }
        GatewayPoller.Poll p = session.lastPoll();
        if (p == null) {
            status.setText("Not connected.");
            table.setInput(List.of());
        } else if (p.alarms() == null) {
            status.setText("No alarms from the gateway: " + (p.alarmsError() == null ? "" : p.alarmsError()
                    .getMessage().lines().findFirst().orElse("")));
        } else {
            GatewayAlarm keep = selected();
            table.setInput(p.alarms());
            if (keep != null) {
                p.alarms().stream().filter(a -> a.id().equals(keep.id())).findFirst()
                        .ifPresent(a -> table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(a)));
            }
            long open = p.alarms().stream().filter(a -> !"CLEARED".equals(a.state())).count();
            status.setText(p.alarms().size() + " alarms, " + open + " open");
        }
        enable();
        status.getParent().layout(true);
    }

    @Inject
    @Optional
    public void connected(@UIEventTopic(CommissioningEvents.CONNECTION) CommissioningSession s) {
        polled(s);
    }
}
