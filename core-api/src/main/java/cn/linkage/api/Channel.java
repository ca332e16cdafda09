package cn.linkage.api;

/** How the caller reached the origin platform. */
public enum Channel {
    PHONE, INTERNET, SMS, WECHAT, APP, EMAIL, LETTER, WALK_IN
}
