package cn.juece.participation;

/** How an opinion arrived (Art. 18, 20): the portal, or entered by staff from another channel. */
public enum OpinionChannel {
    PORTAL("政府网站"), LETTER("信函"), EMAIL("电子邮件"), PHONE("电话"), NEW_MEDIA("政务新媒体"), VISIT("来访");

    private final String label;

    OpinionChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
