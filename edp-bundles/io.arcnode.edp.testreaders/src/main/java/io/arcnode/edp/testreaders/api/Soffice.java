package io.arcnode.edp.testreaders.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice headless as an independent XLSX reader: converts the first sheet to CSV (UTF-8, comma, double quotes).
 * Tests using it are skipped only when no {@code soffice} is found ({@code /usr/bin/soffice} or on PATH).
 */
public final class Soffice {

    private static String soffice;
    private static boolean probed;

    private Soffice() {
    }

    /** The soffice binary, or the calling test is skipped (JUnit assumption) with the reason. */
    public static synchronized String sofficeOrSkip() {
        if (!probed) {
            probed = true;
            if (new File("/usr/bin/soffice").canExecute()) {
                soffice = "/usr/bin/soffice";
            } else {
                String path = System.getenv("PATH");
                for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                    if (new File(dir, "soffice").canExecute()) {
                        soffice = new File(dir, "soffice").getPath();
                        break;
                    }
                }
            }
        }
        assumeTrue(soffice != null, "soffice not found (apt-get install -y libreoffice-calc-nogui): "
                + "independent XLSX reader check skipped");
        return soffice;
    }

    /** Converts the workbook's first sheet to CSV with a private LibreOffice profile; returns the CSV lines. */
    public static List<String> csv(byte[] xlsx, Path dir) throws IOException {
        String bin = sofficeOrSkip();
        Path in = dir.resolve("t.xlsx");
        Files.write(in, xlsx);
        Path profile = dir.resolve("lo-profile");
        Process p = new ProcessBuilder(bin, "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir.toString(), in.toString())
                .redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("soffice timed out");
            }
            assertEquals(0, p.exitValue(), "soffice failed: " + out);
            Path csv = dir.resolve("t.csv");
            assertEquals(true, Files.exists(csv), "soffice wrote no CSV: " + out);
            return Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
