package cn.juece.participation;

import java.time.LocalDate;
import java.util.List;

/** A symposium (座谈会, Art. 21) with its invited stakeholder representatives. */
public record Symposium(long id, long decisionId, String title, LocalDate heldOn, String place, List<String> invitees,
                        LocalDate materialsDeliveredOn, Status status) {

    public enum Status {
        PLANNED("拟召开"), CONFIRMED("已确认召开"), HELD("已召开"), CANCELLED("已取消");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
