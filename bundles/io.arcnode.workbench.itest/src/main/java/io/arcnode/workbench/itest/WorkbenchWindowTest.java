package io.arcnode.workbench.itest;

import static io.arcnode.workbench.itest.Ui.await;
import static io.arcnode.workbench.itest.Ui.onUi;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Runs against the real workbench product under a display (Xvfb in CI): the window, its parts, Help > About. */
class WorkbenchWindowTest {

    private static final String ABOUT_TITLE = "About ArcNode";

    private static Shell window;

    @BeforeAll
    static void waitForTheWorkbenchWindow() throws Exception {
        long start = System.nanoTime();
        window = Ui.window();
        System.out.printf("workbench window shown %d ms after the test started%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @AfterAll
    static void closeDialogsLeftOpen() throws Exception {
        onUi(() -> {
            Arrays.stream(Ui.display().getShells()).filter(s -> ABOUT_TITLE.equals(s.getText()))
                    .forEach(Shell::close);
            return null;
        });
    }

    @Test
    void theOrdersPerspectiveShowsItsParts() throws Exception {
        Ui.menu(window, "Window", "Orders");
        List<String> tabs = await("the part tabs", () -> onUi(() -> {
            List<String> texts = Ui.widgets(window, CTabFolder.class).stream().filter(CTabFolder::isVisible)
                    .flatMap(f -> Arrays.stream(f.getItems())).map(CTabItem::getText).toList();
            return texts.size() >= 3 ? texts : null;
        }));
        assertTrue(tabs.containsAll(List.of("Orders", "Order", "Problems", "Error Log")), tabs.toString());
    }

    @Test
    void theThemeOfTheProductIsApplied() throws Exception {
        // css/arcnode.css: Shell { background-color: #F3F5F7 }
        org.eclipse.swt.graphics.RGB themed = new org.eclipse.swt.graphics.RGB(0xF3, 0xF5, 0xF7);
        org.eclipse.swt.graphics.RGB[] seen = {null};
        try {
            await("the themed window", () -> onUi(() -> {
                seen[0] = window.getBackground().getRGB();
                return themed.equals(seen[0]) ? true : null;
            }));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the window's background is " + seen[0], e);
        }
    }

    @Test
    void helpAboutShowsTheProductAndItsVersion() throws Exception {
        String version = workbenchBundle().getVersion().toString();
        // the dialog is modal: the item is selected asynchronously
        Ui.menu(window, "Help", "About ArcNode");
        Shell dialog = Ui.shell(ABOUT_TITLE);
        String text = onUi(() -> {
            StringBuilder all = new StringBuilder();
            Ui.widgets(dialog, Label.class).forEach(l -> all.append(l.getText()).append('\n'));
            // checked here, on the UI thread, on purpose: onUi must carry this failure back to the test thread
            assertTrue(all.toString().contains("ArcNode Workbench"), "About names the product: " + all);
            dialog.close();
            return all.toString();
        });
        assertTrue(text.contains("Version " + version), "About shows version " + version + ": " + text);
        assertTrue(text.contains("Installed features:"), text);
    }

    @Test
    void preferencesAreCheckedAsTypedAndOkWaitsForValidValues() throws Exception {
        Ui.menu(window, "File", "Preferences...");
        Shell dialog = Ui.shell("Preferences");
        String message = onUi(() -> {
            org.eclipse.swt.widgets.Text url = Ui.widget(dialog, org.eclipse.swt.widgets.Text.class,
                    "arcnode.preference", "platform_url");
            assertTrue(url.getText().startsWith("http://127.0.0.1:9"), "the platform URL of this start: "
                    + url.getText());
            url.setText("ftp://platform.example.com/");
            return Ui.widgets(dialog, org.eclipse.swt.widgets.Text.class).stream().map(t -> t.getText())
                    .filter(t -> t.contains("must be http:// or https://")).findFirst().orElse(null);
        });
        boolean okEnabled = onUi(() -> Ui.widgets(dialog, org.eclipse.swt.widgets.Button.class).stream()
                .filter(b -> "OK".equals(Ui.clean(b.getText()))).findFirst().orElseThrow().isEnabled());
        String fixed = onUi(() -> {
            Ui.widget(dialog, org.eclipse.swt.widgets.Text.class, "arcnode.preference", "platform_url")
                    .setText("https://platform.example.com/");
            return String.valueOf(Ui.widgets(dialog, org.eclipse.swt.widgets.Button.class).stream()
                    .filter(b -> "OK".equals(Ui.clean(b.getText()))).findFirst().orElseThrow().isEnabled());
        });
        Ui.press(dialog, "Cancel");
        assertTrue(message != null, "the rule's message is shown");
        assertTrue(!okEnabled, "OK stays disabled while a value is wrong");
        assertTrue("true".equals(fixed), "OK once every value is fine");
    }

    private static Bundle workbenchBundle() {
        return Arrays.stream(FrameworkUtil.getBundle(WorkbenchWindowTest.class).getBundleContext().getBundles())
                .filter(b -> "io.arcnode.workbench".equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("io.arcnode.workbench is not installed"));
    }
}
