package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.orders.api.OrderField;
import io.arcnode.workbench.orders.api.OrderFileException;
import io.arcnode.workbench.orders.api.OrderForm;
import io.arcnode.workbench.orders.api.OrderSummary;
import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/**
 * The order editor: one input per payload field ({@link OrderField}), checked as you type by the platform's rules
 * ({@link OrderForm#check()}): a decoration and the messages under each field, the problems list (through
 * {@link OrderEvents#CHECKED}) and the live summary beside the form. Saving is the part's {@code @Persist}.
 */
public class OrderEditorPart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.order";
    /** Widget data key on each input, on its message label and on each summary value: the field or row name. */
    public static final String FIELD_KEY = "arcnode.field";
    public static final String MESSAGE_KEY = "arcnode.message";
    public static final String SUMMARY_KEY = "arcnode.summary";
    /** Decimal places of the number spinners. */
    static final int DIGITS = 3;

    @Inject
    private OrderWorkspace workspace;
    @Inject
    private IEventBroker events;
    @Inject
    private MPart part;

    private final Map<String, Control> inputs = new LinkedHashMap<>();
    private final Map<String, Label> messages = new LinkedHashMap<>();
    private final Map<String, ControlDecoration> decorations = new LinkedHashMap<>();
    private final Map<String, Label> summary = new LinkedHashMap<>();
    private Label title;
    private Composite form;
    private ScrolledComposite scroll;
    private Path file;
    private OrderForm order = new OrderForm();
    private OrderForm.Check check = order.check();
    private boolean loading;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        title = new Label(parent, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form = new Composite(scroll, SWT.NONE);
        form.setLayout(new GridLayout(3, false));
        for (OrderField f : OrderField.ALL) {
            createField(form, f);
        }
        scroll.setContent(form);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        Group box = new Group(parent, SWT.NONE);
        box.setText("Summary");
        box.setLayout(new GridLayout(2, false));
        GridData boxLayout = new GridData(SWT.FILL, SWT.TOP, false, false);
        boxLayout.widthHint = 340; // fixed: the values coming and going do not squeeze the form
        box.setLayoutData(boxLayout);
        for (OrderSummary.Row row : OrderSummary.NONE.rows()) {
            new Label(box, SWT.NONE).setText(row.label() + ":");
            Label value = new Label(box, SWT.NONE);
            value.setData(SUMMARY_KEY, row.label());
            value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            summary.put(row.label(), value);
        }
        show(null, new OrderForm());
    }

    private void createField(Composite parent, OrderField f) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(f.label() + ":");
        Control input;
        Control extra = null;
        switch (f.kind()) {
            case ENUM -> {
                Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
                combo.setItems(f.choices().toArray(String[]::new));
                combo.addModifyListener(e -> changed(f.name(), combo.getText()));
                input = combo;
            }
            case NUMBER, INTEGER -> {
                Spinner spinner = new Spinner(parent, SWT.BORDER);
                spinner.setDigits(f.kind() == OrderField.Kind.NUMBER ? DIGITS : 0);
                spinner.setMinimum(0);
                spinner.setMaximum(Integer.MAX_VALUE);
                spinner.addModifyListener(e -> changed(f.name(), SpinnerValues.text(spinner.getSelection(), spinner.getDigits())));
                input = spinner;
                Label unit = new Label(parent, SWT.NONE);
                unit.setText(f.unit());
                extra = unit;
            }
            default -> {
                Text text = new Text(parent, SWT.BORDER);
                text.addModifyListener(e -> changed(f.name(), text.getText()));
                input = text;
                if (f.kind() == OrderField.Kind.UUID) {
                    Button generate = new Button(parent, SWT.PUSH);
                    generate.setText("Generate");
                    generate.setData(FIELD_KEY, f.name());
                    generate.addListener(SWT.Selection, e -> text.setText(UUID.randomUUID().toString()));
                    extra = generate;
                }
            }
        }
        input.setData(FIELD_KEY, f.name());
        GridData inputLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        inputLayout.widthHint = 300;
        input.setLayoutData(inputLayout);
        if (extra == null) {
            new Label(parent, SWT.NONE);
        }
        ControlDecoration decoration = new ControlDecoration(input, SWT.LEFT | SWT.TOP);
        decoration.setImage(FieldDecorationRegistry.getDefault()
                .getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        decoration.hide();
        new Label(parent, SWT.NONE);
        Label message = new Label(parent, SWT.WRAP);
        message.setData(MESSAGE_KEY, f.name());
        message.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData messageLayout = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        messageLayout.widthHint = 420; // long messages wrap instead of widening the form
        message.setLayoutData(messageLayout);
        inputs.put(f.name(), input);
        messages.put(f.name(), message);
        decorations.put(f.name(), decoration);
    }

    /** Opens an order file (from the orders list, New, Save As, Duplicate). */
    @Inject
    @Optional
    public void open(@UIEventTopic(OrderEvents.OPEN) Path path) {
        if (path == null || title == null || title.isDisposed()) {
            return;
        }
        if (part.isDirty() && file != null && !path.equals(file) && !MessageDialog.openQuestion(title.getShell(),
                "Unsaved order", "Discard the changes to " + file.getFileName() + "?")) {
            return;
        }
        try {
            show(path, workspace.open(path));
        } catch (OrderFileException e) {
            OrderDialogs.error(title.getShell(), "Cannot open the order", e);
        }
    }

    /** Shows {@code form} of {@code path} (null: no order open). */
    void show(Path path, OrderForm shown) {
        file = path;
        order = shown;
        loading = true;
        try {
            for (OrderField f : OrderField.ALL) {
                setInput(f, inputs.get(f.name()), shown.get(f.name()));
                inputs.get(f.name()).setEnabled(path != null);
            }
        } finally {
            loading = false;
        }
        part.setDirty(false);
        title.setText(path == null ? "No order open: File > New Order, or double-click an order in the list"
                : "Order " + path.getFileName() + " (" + path.getParent() + ")");
        refresh();
    }

    private static void setInput(OrderField f, Control input, String text) {
        if (input instanceof Combo combo) {
            int i = f.choices().indexOf(text);
            if (i >= 0) {
                combo.select(i);
            } else {
                combo.deselectAll();
            }
        } else if (input instanceof Spinner spinner) {
            spinner.setSelection(SpinnerValues.selection(text, spinner.getDigits()));
        } else {
            ((Text) input).setText(text);
        }
    }

    private void changed(String field, String text) {
        if (loading || file == null) {
            return;
        }
        order.set(field, text);
        part.setDirty(true);
        refresh();
    }

    private void refresh() {
        check = order.check();
        for (OrderField f : OrderField.ALL) {
            List<String> found = file == null ? List.of() : check.messages(f.name());
            String text = String.join("\n", found);
            messages.get(f.name()).setText(text);
            ControlDecoration d = decorations.get(f.name());
            if (found.isEmpty()) {
                d.hide();
            } else {
                d.setDescriptionText(text);
                d.show();
            }
        }
        OrderSummary s = file == null ? OrderSummary.NONE : OrderSummary.of(check);
        for (OrderSummary.Row row : s.rows()) {
            summary.get(row.label()).setText(row.value());
        }
        form.layout(true, true);
        scroll.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        title.getParent().layout(true, true);
        events.send(OrderEvents.CHECKED, file == null ? new OrderForm.Check(null, List.of()) : check);
    }

    /** Saves the open order (File > Save, M1+S). */
    @Persist
    public void save() {
        if (file == null) {
            return;
        }
        try {
            workspace.save(file, order);
            part.setDirty(false);
            events.post(OrderEvents.CHANGED, workspace.folder());
        } catch (OrderFileException e) {
            OrderDialogs.error(title.getShell(), "Cannot save the order", e);
        }
    }

    /** The open form was written to {@code path} (Save As): it is the open order now, not dirty. */
    void savedAs(Path path) {
        file = path;
        part.setDirty(false);
        title.setText("Order " + path.getFileName() + " (" + path.getParent() + ")");
    }

    /** @return the open order's file, null when none is open */
    public Path file() {
        return file;
    }

    /** @return the form as typed */
    public OrderForm form() {
        return order;
    }

    /** @return the last check of the form */
    public OrderForm.Check check() {
        return check;
    }
}
