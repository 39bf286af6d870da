package pk.registry.kernel;

/**
 * Whether a Java string is Unicode text: UTF-16 with every surrogate in its pair. JSON lets a
 * {@code \ud800} escape stand alone; such a string cannot be written as UTF-8 (it comes out
 * {@code ?}), so a value holding one is refused rather than stored or answered changed.
 */
public final class UnicodeText {

    private UnicodeText() {
    }

    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
