package io.arcnode.workbench.internal.errorlog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;

/**
 * Collects what is written to the workbench log (the platform log, also kept in {@code .metadata/.log}) from the
 * start, so the Error Log view shows every entry, also those from before it was opened. The newest
 * {@value #KEEP} entries are kept in memory; the file keeps them all.
 */
public class ErrorLogAddon {

    /** Event topic: an entry was logged (data: the addon). */
    public static final String ADDED = "arcnode/errorlog/added";
    static final int KEEP = 1000;

    /** One log entry. */
    public record Entry(Instant at, IStatus status) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private IEventBroker broker;
    private final ILogListener listener = (status, plugin) -> add(status);

    @PostConstruct
    public void init(IEclipseContext context, IEventBroker eventBroker) {
        this.broker = eventBroker;
        context.set(ErrorLogAddon.class, this);
        Platform.addLogListener(listener);
    }

    private void add(IStatus status) {
        synchronized (entries) {
            entries.addFirst(new Entry(Instant.now(), status));
            while (entries.size() > KEEP) {
                entries.removeLast();
            }
        }
        broker.post(ADDED, this);
    }

    /** @return the entries, newest first */
    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @PreDestroy
    public void close() {
        Platform.removeLogListener(listener);
    }
}
