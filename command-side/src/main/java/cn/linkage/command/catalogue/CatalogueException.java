package cn.linkage.command.catalogue;

/** The catalogue file is malformed; the message names the file, the row and the problem. */
public class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
