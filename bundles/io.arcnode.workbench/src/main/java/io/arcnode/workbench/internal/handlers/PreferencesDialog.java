package io.arcnode.workbench.internal.handlers;

import io.arcnode.workbench.internal.SettingsCheck;
import io.arcnode.workbench.internal.WorkbenchSettings;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/** File > Preferences: platform URL, workspace folder, refresh rate; checked as you type, OK only when all are fine. */
public class PreferencesDialog extends TitleAreaDialog {

    /** The dialog's title. */
    public static final String TITLE = "Preferences";
    /** Widget data key on each input: the preference key. */
    public static final String KEY = "arcnode.preference";

    private Text url;
    private Text folder;
    private Spinner refresh;
    private String urlValue;
    private String folderValue;
    private int refreshValue;

    public PreferencesDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("ArcNode Workbench preferences");
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        url = text(c, "Platform URL:", WorkbenchSettings.PLATFORM_URL, WorkbenchSettings.platformUrl().toString());
        new Label(c, SWT.NONE);
        folder = text(c, "Workspace folder:", WorkbenchSettings.WORKSPACE_FOLDER,
                WorkbenchSettings.workspaceFolder().toString());
        Button browse = new Button(c, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setFilterPath(folder.getText());
            String chosen = d.open();
            if (chosen != null) {
                folder.setText(chosen);
            }
        });
        new Label(c, SWT.NONE).setText("Refresh rate (s):");
        refresh = new Spinner(c, SWT.BORDER);
        refresh.setMinimum(1);
        refresh.setMaximum(60);
        refresh.setSelection(WorkbenchSettings.refreshSeconds());
        refresh.setData(KEY, WorkbenchSettings.REFRESH_SECONDS);
        refresh.addModifyListener(e -> check());
        new Label(c, SWT.NONE);
        StringBuilder overridden = new StringBuilder();
        for (String key : WorkbenchSettings.PROPERTIES.keySet()) {
            String p = WorkbenchSettings.overriddenBy(key);
            if (p != null) {
                overridden.append(overridden.length() == 0 ? "" : ", ").append("-D").append(p);
            }
        }
        if (overridden.length() > 0) {
            Label note = new Label(c, SWT.WRAP);
            note.setText("Set on the command line for this start (" + overridden
                    + "): those values win over the saved preferences.");
            note.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        }
        return area;
    }

    private Text text(Composite c, String label, String key, String value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        GridData g = new GridData(SWT.FILL, SWT.CENTER, true, false);
        g.widthHint = 420;
        t.setLayoutData(g);
        t.setText(value);
        t.setData(KEY, key);
        t.addModifyListener(e -> check());
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    private void check() {
        String problem = SettingsCheck.platformUrl(url.getText());
        if (problem == null) {
            problem = SettingsCheck.workspaceFolder(folder.getText());
        }
        if (problem == null) {
            problem = SettingsCheck.refreshSeconds(refresh.getSelection());
        }
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        urlValue = url.getText().strip();
        folderValue = folder.getText().strip();
        refreshValue = refresh.getSelection();
        super.okPressed();
    }

    /** @return the values confirmed with OK */
    public String platformUrl() {
        return urlValue;
    }

    public String workspaceFolder() {
        return folderValue;
    }

    public int refreshSeconds() {
        return refreshValue;
    }
}
