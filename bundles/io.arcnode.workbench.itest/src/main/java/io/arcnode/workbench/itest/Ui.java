package io.arcnode.workbench.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;

/**
 * Driving the running workbench from a test thread: the e4 application owns the UI thread, so widgets are touched
 * only through {@link #onUi}, and the tests wait for conditions ({@link #await}) with a timeout.
 */
final class Ui {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String WINDOW_TITLE = "ArcNode Workbench";

    private Ui() {
    }

    /** @return the workbench's display, waiting for the application to create it */
    static Display display() throws Exception {
        return await("the workbench's display", Ui::uiThreadDisplay);
    }

    /** @return the visible workbench window, waiting for it */
    static Shell window() throws Exception {
        return shell(WINDOW_TITLE);
    }

    /** @return the visible shell titled {@code title}, waiting for it */
    static Shell shell(String title) throws Exception {
        Display display = display();
        return await("a visible shell titled '" + title + "'", () -> onUi(() -> Arrays.stream(display.getShells())
                .filter(s -> s.isVisible() && title.equals(s.getText())).findFirst().orElse(null)));
    }

    /**
     * Runs on the UI thread and returns its result. Anything thrown there (assertion failures included) would be
     * swallowed by the e4 event loop; it is caught and rethrown here, on the test thread.
     */
    static <T> T onUi(Callable<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display().syncExec(() -> {
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
    static <T> T await(String what, Callable<T> probe) throws Exception {
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

    /** Selects a menu item of the window's menu bar, asynchronously (it may open a modal dialog). */
    static void menu(Shell window, String menuText, String itemText) throws Exception {
        MenuItem item = await(menuText + " > " + itemText, () -> onUi(() -> {
            Menu bar = window.getMenuBar();
            MenuItem top = item(bar, menuText);
            if (top == null) {
                fail("no " + menuText + " menu in " + texts(bar));
            }
            top.getMenu().notifyListeners(SWT.Show, new Event()); // e4 fills menus when they are shown
            MenuItem found = item(top.getMenu(), itemText);
            return found != null && found.isEnabled() ? found : null;
        }));
        display().asyncExec(() -> item.notifyListeners(SWT.Selection, new Event()));
    }

    /** Presses the push button labelled {@code text} in {@code shell}, asynchronously. */
    static void press(Shell shell, String text) throws Exception {
        Button b = onUi(() -> widgets(shell, Button.class).stream().filter(x -> text.equals(clean(x.getText())))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + text + " in " + shell.getText())));
        display().asyncExec(() -> {
            b.notifyListeners(SWT.Selection, new Event());
        });
    }

    static MenuItem item(Menu menu, String text) {
        return Arrays.stream(menu.getItems()).filter(i -> text.equals(clean(i.getText()))).findFirst().orElse(null);
    }

    static List<String> texts(Menu menu) {
        return Arrays.stream(menu.getItems()).map(i -> clean(i.getText())).toList();
    }

    /** Menu text without mnemonic and accelerator: "&Quit\tCtrl+Q" -> "Quit". */
    static String clean(String text) {
        int tab = text.indexOf('\t');
        return (tab < 0 ? text : text.substring(0, tab)).replace("&", "");
    }

    /** @return every widget of {@code type} under {@code root}, depth first */
    static <C extends Control> List<C> widgets(Composite root, Class<C> type) {
        List<C> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    /** @return the widget of {@code type} whose data {@code key} is {@code value} */
    static <C extends Control> C widget(Composite root, Class<C> type, String key, String value) {
        return widgets(root, type).stream().filter(c -> value.equals(c.getData(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " with " + key + "=" + value));
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

    /** Saves what {@code shell} shows as a PNG (on the UI thread). */
    static void screenshot(Shell shell, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        onUi(() -> {
            Display d = shell.getDisplay();
            Rectangle r = shell.getBounds();
            Image image = new Image(d, r.width, r.height);
            GC gc = new GC(image);
            try {
                // the widgets draw themselves into the image: what they hold now, not what the screen last showed
                shell.print(gc);
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {image.getImageData()};
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                image.dispose();
            }
            return null;
        });
    }

    private static Display uiThreadDisplay() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            Display d = Display.findDisplay(t);
            if (d != null && !d.isDisposed()) {
                return d;
            }
        }
        return null;
    }
}
