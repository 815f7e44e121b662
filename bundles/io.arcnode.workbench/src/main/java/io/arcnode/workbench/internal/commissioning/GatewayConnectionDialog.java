package io.arcnode.workbench.internal.commissioning;

import io.arcnode.workbench.commissioning.api.GatewayConnection;
import java.net.URI;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Adds or edits a gateway connection: name, URL, user, password; checked as typed, OK only when valid. The
 * password field is masked; the password goes to the protected credentials file, never to preferences.
 */
final class GatewayConnectionDialog extends TitleAreaDialog {

    static final String TITLE = "Gateway Connection";
    /** Widget data key of the fields: {@code name}, {@code url}, {@code user}, {@code password}. */
    static final String FIELD_KEY = "arcnode.field";

    private final GatewayConnection initial;
    private Text name;
    private Text url;
    private Text user;
    private Text password;
    private GatewayConnection result;
    private char[] secret;

    GatewayConnectionDialog(Shell parent, GatewayConnection initial) {
        super(parent);
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(initial == null ? "Add a gateway" : "Edit " + initial.name());
        setMessage("The gateway's base URL, e.g. http://10.0.0.5:8080/. A user and password only when the gateway"
                + " sits behind authentication.");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        name = field(c, "Name:", "name", SWT.BORDER);
        url = field(c, "URL:", "url", SWT.BORDER);
        user = field(c, "User:", "user", SWT.BORDER);
        password = field(c, "Password:", "password", SWT.BORDER | SWT.PASSWORD);
        if (initial != null) {
            name.setText(initial.name());
            name.setEditable(false);
            url.setText(initial.url().toString());
            user.setText(initial.user());
            password.setMessage("unchanged when left empty");
        } else {
            url.setText("http://");
        }
        return area;
    }

    private Text field(Composite c, String label, String key, int style) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, style);
        t.setData(FIELD_KEY, key);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 360;
        t.setLayoutData(d);
        t.addModifyListener(e -> check());
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private void check() {
        if (name == null || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        String problem = GatewayConnection.check(name.getText(), url.getText());
        if (problem != null) {
            setMessage(problem, IMessageProvider.ERROR);
        } else {
            setMessage("The gateway's base URL, e.g. http://10.0.0.5:8080/.", IMessageProvider.NONE);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
    }

    @Override
    protected void okPressed() {
        result = new GatewayConnection(name.getText(), URI.create(url.getText().strip()), user.getText());
        secret = password.getTextChars();
        super.okPressed();
    }

    /** @return what was entered, after OK */
    GatewayConnection result() {
        return result;
    }

    /** @return the password typed after OK; empty when left empty */
    char[] password() {
        return secret;
    }
}
