package io.coffer.compliance;

/**
 * Where a list came from, as refusals and answers name it.
 *
 * @param name what the list is, e.g. "OFAC SDN digital-currency addresses"
 * @param version which copy: the shipped snapshot's date and commit, or the file configured
 */
public record ListSource(String name, String version) {

    @Override
    public String toString() {
        return name + " (" + version + ")";
    }
}
