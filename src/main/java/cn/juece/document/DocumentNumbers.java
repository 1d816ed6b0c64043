package cn.juece.document;

import java.util.regex.Pattern;

/**
 * Document numbers (发文字号) in the form GB/T 9704-2012 prescribes: the issuing organ's code, the year in
 * hexagonal brackets 〔〕 and the serial number without leading zeros, followed by 号, e.g. 冠政发〔2026〕8号.
 */
public final class DocumentNumbers {

    private static final Pattern FORM = Pattern.compile("[\\u4e00-\\u9fa5]{1,12}〔(19|20)\\d{2}〕[1-9]\\d{0,5}号");

    private DocumentNumbers() {
    }

    public static boolean valid(String number) {
        return number != null && FORM.matcher(number.strip()).matches();
    }

    public static String refusal(String number) {
        return "发文字号“" + number + "”的格式不正确：应为发文机关代字、用六角括号“〔〕”括入的年份和不编虚位的序号，例如“冠政发〔2026〕8号”"
                + "（GB/T 9704—2012；不用“[]”“()”“【】”，序号不写作“08”）。";
    }
}
