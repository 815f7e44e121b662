package io.arcnode.workbench.internal.parts;

import io.arcnode.workbench.internal.AboutText;
import jakarta.annotation.PostConstruct;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The editor area's first part until editors (orders, EDP review, commissioning) exist. */
public class WelcomePart {

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText("Welcome to " + AboutText.PRODUCT_NAME);
        Label hint = new Label(parent, SWT.WRAP);
        hint.setText("Orders, EDP packages and gateways will open here.");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }
}
