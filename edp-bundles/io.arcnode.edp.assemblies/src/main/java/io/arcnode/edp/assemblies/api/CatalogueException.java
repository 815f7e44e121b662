package io.arcnode.edp.assemblies.api;

/**
 * A topology or spec file of the catalogue is missing or invalid. The message starts with the file name and, when one
 * device or port is at fault, names it as {@code devices[<index>] (<device_type>)} or
 * {@code ports[<index>] (<port_id>).<field>}.
 */
public class CatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int deviceIndex;

    /**
     * @param file        the catalogue file, e.g. {@code catalogue/compute_container/topology.yaml}
     * @param deviceIndex index of the first offending device in {@code devices} (or port in {@code ports} of a spec
     *                    file), or -1 for a file-level problem
     * @param message     what is wrong (the file name is prefixed here)
     */
    public CatalogueException(String file, int deviceIndex, String message) {
        super(file + ": " + message);
        this.file = file;
        this.deviceIndex = deviceIndex;
    }

    /** @return the catalogue file at fault */
    public String file() {
        return file;
    }

    /** @return index of the first offending device (or port), -1 when the problem is not one device's or port's */
    public int deviceIndex() {
        return deviceIndex;
    }
}
