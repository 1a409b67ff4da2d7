package io.coffer.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the lists at startup: the OFAC snapshot shipped in the jar, or the files an operator
 * configured. A malformed file stops the start with one sentence naming the file, line and fault.
 */
public final class ComplianceLists {

    /** The shipped snapshot, one {@code sanctioned_addresses_<ASSET>.txt} per asset, named in {@code FILES}. */
    static final String SHIPPED = "/sanctions/ofac-sdn/";
    public static final ListSource SHIPPED_SOURCE = new ListSource("OFAC SDN digital-currency addresses",
            "snapshot of 2024-09-27, 0xB10C/ofac-sanctioned-digital-currency-addresses@f2aee22");
    /** The largest list file read, and the longest line. */
    public static final long MAX_FILE_BYTES = 16L << 20;
    public static final int MAX_LINE_CHARS = 1024;
    /** The longest address accepted anywhere (Monero's are 95 characters, Cardano's about 110). */
    public static final int MAX_ADDRESS_CHARS = 256;

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,12}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9:]{1," + MAX_ADDRESS_CHARS + "}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9_ -]{0,63}");
    private static final Pattern FILE_NAME = Pattern.compile("sanctioned_addresses_([A-Z0-9]{2,12})\\.txt");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ComplianceLists() {
    }

    /** The OFAC snapshot shipped in the jar (654 lines, 17 assets). */
    public static SanctionsList shipped() {
        List<SanctionsList.Entry> entries = new ArrayList<>();
        for (String file : lines(SHIPPED + "FILES")) {
            var name = FILE_NAME.matcher(file);
            if (!name.matches()) {
                throw new IllegalStateException("the shipped sanctions list names a bad file: " + file);
            }
            for (String address : lines(SHIPPED + file)) {
                entries.add(new SanctionsList.Entry(name.group(1), address));
            }
        }
        return SanctionsList.of(SHIPPED_SOURCE, entries);
    }

    /**
     * A sanctions list file: one {@code <ASSET> <address>} per line (asset as OFAC codes it, e.g.
     * {@code XBT}, {@code ETH}); blank lines and lines starting with {@code #} are skipped.
     *
     * @param setting the variable that named the file, for messages
     */
    public static SanctionsList sanctionsFile(String setting, Path file) {
        List<SanctionsList.Entry> entries = new ArrayList<>();
        List<String> lines = read(setting, file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = SPACES.split(line);
            if (parts.length != 2 || !ASSET.matcher(parts[0]).matches() || !ADDRESS.matcher(parts[1]).matches()) {
                throw fault(setting, file, i, "expected \"<ASSET> <address>\" (e.g. \"XBT 1abc...\"), got: "
                        + abbreviate(line));
            }
            entries.add(new SanctionsList.Entry(parts[0], parts[1]));
            if (entries.size() > SanctionsList.MAX_ENTRIES) {
                throw fault(setting, file, i, "more than " + SanctionsList.MAX_ENTRIES + " entries");
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(setting + ": " + file + " lists no address");
        }
        return SanctionsList.of(new ListSource("sanctions list", file.getFileName() + " (" + setting + ")"), entries);
    }

    /**
     * A high-risk list file: one {@code <address> <category> <reason...>} per line, the reason being
     * the rest of the line (up to 500 characters); blank lines and {@code #} comments are skipped.
     */
    public static HighRiskList highRiskFile(String setting, Path file) {
        List<HighRiskList.HighRiskAddress> entries = new ArrayList<>();
        List<String> lines = read(setting, file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = SPACES.split(line, 3);
            if (parts.length != 3 || !ADDRESS.matcher(parts[0]).matches() || !CATEGORY.matcher(parts[1]).matches()
                    || parts[2].length() > 500) {
                throw fault(setting, file, i, "expected \"<address> <category> <reason>\" (category in lower case,"
                        + " reason up to 500 characters), got: " + abbreviate(line));
            }
            if (parts[2].chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
                // The reason is stored with flagged deposits (PostgreSQL text holds no NUL) and shown in answers.
                throw fault(setting, file, i, "the reason holds a control character");
            }
            entries.add(new HighRiskList.HighRiskAddress(parts[0], parts[1], parts[2]));
            if (entries.size() > HighRiskList.MAX_ENTRIES) {
                throw fault(setting, file, i, "more than " + HighRiskList.MAX_ENTRIES + " entries");
            }
        }
        return HighRiskList.of(entries);
    }

    private static List<String> read(String setting, Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(setting + ": " + file + " is not a readable file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(setting + ": " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            // Editors may begin a UTF-8 file with a byte-order mark: it is no part of the first line.
            if (!lines.isEmpty() && lines.getFirst().startsWith("\uFEFF")) {
                lines.set(0, lines.getFirst().substring(1));
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > MAX_LINE_CHARS) {
                    throw fault(setting, file, i, "line longer than " + MAX_LINE_CHARS + " characters");
                }
            }
            return lines;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(setting + ": " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ComplianceLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalArgumentException fault(String setting, Path file, int index, String what) {
        return new IllegalArgumentException(setting + ": " + file + " line " + (index + 1) + ": " + what);
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
