package cn.juece.decision;

/** The categories of major administrative decision matters, Art. 3 (一)-(七). */
public enum Art3Category {
    ART3_1("（一）劳动就业、社会保障、教育科技、医疗卫生、文化体育等公共服务方面的重大公共政策和措施"),
    ART3_2("（二）市场监管、社会管理、生态环境保护等方面的重大公共政策和措施"),
    ART3_3("（三）经济和社会发展方面重要的总体规划、区域规划和专项规划"),
    ART3_4("（四）开发利用或者保护水、土地、能源、矿产、生物等重要自然资源的重大公共政策和措施"),
    ART3_5("（五）开发利用或者保护历史文化街区、传统村落、风景名胜区以及其他重要文化资源的重大公共政策和措施"),
    ART3_6("（六）在本行政区域实施的重大公共建设项目"),
    ART3_7("（七）对经济社会发展有重大影响、涉及重大公共利益或者社会公众切身利益的其他重大事项");

    private final String label;

    Art3Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
