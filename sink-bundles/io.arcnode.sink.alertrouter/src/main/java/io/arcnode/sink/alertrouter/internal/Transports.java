package io.arcnode.sink.alertrouter.internal;

import io.arcnode.sink.api.SinkException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/**
 * The real deliveries: webhooks through {@link HttpClient} (10 s connect, 30 s request), mail through SMTP
 * (Jakarta Mail / Angus, the {@code email} section's {@code smtp_host}/{@code smtp_port}, 10 s timeouts) or, with
 * {@code email.mode: outbox}, as {@code .eml} files in {@code outbox_dir} (written to a temporary name, then moved).
 */
final class Transports implements Deliveries {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String from;
    private final Session smtp;
    private final Path outbox;

    private Transports(String from, Session smtp, Path outbox) {
        this.from = from;
        this.smtp = smtp;
        this.outbox = outbox;
    }

    /** Mail by SMTP to {@code host:port}. */
    static Transports smtp(String from, String host, int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        return new Transports(from, Session.getInstance(p), null);
    }

    /** Mail as files in {@code dir}. */
    static Transports outbox(String from, Path dir) {
        return new Transports(from, Session.getInstance(new Properties()), dir);
    }

    @Override
    public void post(RoutingTable.Webhook to, String json) throws SinkException {
        HttpRequest request = HttpRequest.newBuilder(to.url()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SinkException.retryable("webhook " + to.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SinkException.retryable("webhook " + to.name() + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        String reason = "webhook " + to.name() + " answered HTTP " + status;
        if (status / 100 == 4 && status != 408 && status != 429) {
            throw SinkException.permanent(reason, null);
        }
        throw SinkException.retryable(reason, null);
    }

    @Override
    public void mail(RoutingTable.Email to, String subject, String text) throws SinkException {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        // Jakarta Mail finds its provider (Angus) through the context class loader: this bundle's sees it
        Thread.currentThread().setContextClassLoader(Transports.class.getClassLoader());
        try {
            MimeMessage m = new MimeMessage(smtp);
            m.setFrom(new InternetAddress(from));
            for (String r : to.recipients()) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(r));
            }
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            m.setSentDate(new Date());
            if (outbox != null) {
                write(m);
            } else {
                Transport.send(m);
            }
        } catch (SendFailedException e) {
            if (e.getValidSentAddresses() == null && e.getInvalidAddresses() != null
                    && e.getInvalidAddresses().length > 0) {
                throw SinkException.permanent("mail " + to.name() + ": addresses refused: " + e.getMessage(), e);
            }
            throw SinkException.retryable("mail " + to.name() + ": " + e.getMessage(), e);
        } catch (MessagingException | IOException e) {
            throw SinkException.retryable("mail " + to.name() + ": " + e, e);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private void write(MimeMessage m) throws IOException, MessagingException {
        Files.createDirectories(outbox);
        String name = "alert-" + UUID.randomUUID();
        Path tmp = outbox.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            m.writeTo(out);
        }
        Files.move(tmp, outbox.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
    }
}
