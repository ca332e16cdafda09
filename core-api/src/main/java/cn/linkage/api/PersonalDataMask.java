package cn.linkage.api;

/** The one masking rule for caller names and numbers, so every view masks alike (138****5678, 张*). */
public final class PersonalDataMask {

    private PersonalDataMask() {
    }

    public static String phone(String number) {
        if (number == null || number.isEmpty()) {
            return number;
        }
        int length = number.length();
        if (length <= 4) {
            return "*".repeat(length);
        }
        int keepHead = length >= 11 ? 3 : Math.max(0, length - 8);
        int keepTail = 4;
        if (keepHead + keepTail >= length) {
            keepHead = 0;
        }
        return number.substring(0, keepHead) + "*".repeat(length - keepHead - keepTail)
                + number.substring(length - keepTail);
    }

    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }
}
