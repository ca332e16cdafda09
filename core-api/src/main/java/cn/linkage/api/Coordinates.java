package cn.linkage.api;

/** WGS-84 latitude and longitude in degrees. */
public record Coordinates(double latitude, double longitude) {
}
