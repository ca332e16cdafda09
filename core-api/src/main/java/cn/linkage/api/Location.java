package cn.linkage.api;

/**
 * Where the matter is.
 *
 * @param address      free-text address
 * @param divisionCode GB/T 2260 six-digit administrative division code, e.g. 620802
 * @param coordinates  WGS-84 position, or {@code null}
 */
public record Location(String address, String divisionCode, Coordinates coordinates) {
}
