package io.arcnode.workbench.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Runs against the real workbench product under a display (Xvfb in CI). The e4 application owns the UI
 * thread; this test waits for conditions on its own thread and touches widgets only through {@link #onUi}.
 */
class WorkbenchWindowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String WINDOW_TITLE = "ArcNode Workbench";
    private static final String ABOUT_TITLE = "About ArcNode";

    private static Display display;
    private static Shell window;

    @BeforeAll
    static void waitForTheWorkbenchWindow() throws Exception {
        long start = System.nanoTime();
        display = await("the workbench's display", WorkbenchWindowTest::uiThreadDisplay);
        window = await("a visible shell titled '" + WINDOW_TITLE + "'",
                () -> onUi(() -> Arrays.stream(display.getShells())
                        .filter(s -> s.isVisible() && WINDOW_TITLE.equals(s.getText()))
                        .findFirst().orElse(null)));
        System.out.printf("workbench window shown %d ms after the test started%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @AfterAll
    static void closeDialogsLeftOpen() throws Exception {
        if (display != null && !display.isDisposed()) {
            onUi(() -> {
                Arrays.stream(display.getShells()).filter(s -> ABOUT_TITLE.equals(s.getText())).forEach(Shell::close);
                return null;
            });
        }
    }

    @Test
    void navigatorShowsThePlaceholderNodes() throws Exception {
        List<String> nodes = await("the navigator tree's items", () -> onUi(() -> {
            List<String> texts = new ArrayList<>();
            for (Tree tree : trees(window)) {
                Arrays.stream(tree.getItems()).map(TreeItem::getText).forEach(texts::add);
            }
            return texts.isEmpty() ? null : texts;
        }));
        assertEquals(List.of("Orders", "EDP packages", "Gateways"), nodes);
    }

    @Test
    void helpAboutShowsTheProductAndItsVersion() throws Exception {
        String version = workbenchBundle().getVersion().toString();

        MenuItem about = await("Help > About ArcNode", () -> onUi(() -> {
            Menu bar = window.getMenuBar();
            assertNotNull(bar, "the window has no menu bar");
            MenuItem help = item(bar, "Help");
            assertNotNull(help, "no Help menu in " + texts(bar));
            // e4 fills menus when they are shown
            help.getMenu().notifyListeners(SWT.Show, new Event());
            return item(help.getMenu(), "About ArcNode");
        }));
        // the dialog is modal: select the item asynchronously, or syncExec would block until it closes
        display.asyncExec(() -> about.notifyListeners(SWT.Selection, new Event()));

        Shell dialog = await("a shell titled '" + ABOUT_TITLE + "'", () -> onUi(() -> Arrays.stream(display.getShells())
                .filter(s -> s.isVisible() && ABOUT_TITLE.equals(s.getText())).findFirst().orElse(null)));
        String text = onUi(() -> {
            StringBuilder all = new StringBuilder();
            labels(dialog).forEach(l -> all.append(l.getText()).append('\n'));
            // checked here, on the UI thread, on purpose: onUi must carry this failure back to the test thread
            assertTrue(all.toString().contains("ArcNode Workbench"), "About names the product: " + all);
            dialog.close();
            return all.toString();
        });
        assertTrue(text.contains("Version " + version), "About shows version " + version + ": " + text);
    }

    // --- helpers ---

    /**
     * Runs on the UI thread and returns its result. Anything thrown there (assertion failures included) would be
     * swallowed by the e4 event loop; it is caught and rethrown here, on the test thread.
     */
    private static <T> T onUi(Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(action.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    /** Polls until the probe returns non-null; fails with {@code what} after {@link #TIMEOUT}. */
    private static <T> T await(String what, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                fail(what + " did not appear within " + TIMEOUT.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The display the e4 application created on its own thread (not one of ours). */
    private static Display uiThreadDisplay() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            Display d = Display.findDisplay(t);
            if (d != null && !d.isDisposed()) {
                return d;
            }
        }
        return null;
    }

    private static Bundle workbenchBundle() {
        return Arrays.stream(FrameworkUtil.getBundle(WorkbenchWindowTest.class).getBundleContext().getBundles())
                .filter(b -> "io.arcnode.workbench".equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("io.arcnode.workbench is not installed"));
    }

    private static MenuItem item(Menu menu, String text) {
        return Arrays.stream(menu.getItems()).filter(i -> text.equals(clean(i.getText()))).findFirst().orElse(null);
    }

    private static List<String> texts(Menu menu) {
        return Arrays.stream(menu.getItems()).map(i -> clean(i.getText())).toList();
    }

    /** Menu text without mnemonic and accelerator: "&Quit\tCtrl+Q" -> "Quit". */
    private static String clean(String text) {
        int tab = text.indexOf('\t');
        return (tab < 0 ? text : text.substring(0, tab)).replace("&", "");
    }

    private static List<Tree> trees(Composite root) {
        List<Tree> found = new ArrayList<>();
        collect(root, Tree.class, found);
        return found;
    }

    private static List<Label> labels(Composite root) {
        List<Label> found = new ArrayList<>();
        collect(root, Label.class, found);
        return found;
    }

    private static <C extends Control> void collect(Composite root, Class<C> type, List<C> found) {
        for (Control child : root.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite c) {
                collect(c, type, found);
            }
        }
    }
}
