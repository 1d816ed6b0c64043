package cn.juece.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The process map in {@code bpmn/}: every file is a valid, executable, fully drawn Camunda 7 process that follows
 * the task contract (candidate groups, form key, outcome codes), and all of them deploy together into one engine.
 * No Spring: a standalone in-memory engine.
 */
class BpmnMapTest {

    static final Path BPMN_DIR = Path.of(System.getProperty("basedir", "."), "bpmn");
    static final String FORM = "forms/decision-task.html";
    static final String FORM_KEY = "embedded:deployment:" + FORM;
    static final String BUSINESS_KEY_IN = "#{execution.processBusinessKey}";

    /** File name → process key: the whole map, one process per file. */
    static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("annual-catalogue.bpmn", "annual-catalogue"),
            Map.entry("decision-lifecycle.bpmn", "decision-lifecycle"),
            Map.entry("stage-proposal.bpmn", "stage-proposal"),
            Map.entry("stage-launch.bpmn", "stage-launch"),
            Map.entry("stage-drafting.bpmn", "stage-drafting"),
            Map.entry("stage-participation.bpmn", "stage-participation"),
            Map.entry("stage-expert.bpmn", "stage-expert"),
            Map.entry("stage-risk.bpmn", "stage-risk"),
            Map.entry("stage-legality.bpmn", "stage-legality"),
            Map.entry("stage-meeting.bpmn", "stage-meeting"),
            Map.entry("stage-publication.bpmn", "stage-publication"),
            Map.entry("stage-execution.bpmn", "stage-execution"),
            Map.entry("stage-evaluation.bpmn", "stage-evaluation"),
            Map.entry("stage-archive.bpmn", "stage-archive")));

    /** The role methods of the {@code roles} bean a candidate-group expression may call. */
    static final Set<String> ROLES = Set.of("studyUnit", "leadUnit", "leadUnitLegal", "justiceBureau",
            "decisionOrgan", "executiveHead", "govOffice", "riskAssessor", "executionUnit", "evaluator",
            "catalogueCompiler", "catalogueOrgan", "consultedUnit", "countyLeader", "coUnit");

    static final Pattern CANDIDATE_GROUPS = Pattern.compile("\\$\\{roles\\.(\\w+)\\(execution\\)\\}");
    static final Pattern OUTCOME_CONDITION = Pattern.compile("\\$\\{outcome == '([A-Z_]+)'\\}");
    static final Pattern VAR_EQUALS = Pattern.compile("(\\w+)\\s*==\\s*'([A-Z_]+)'");
    static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w'])([a-zA-Z]\\w*)(?![\\w'])");
    static final Pattern SET_VARIABLE = Pattern.compile(
            "^\\$\\{execution\\.setVariable\\('(\\w+)', ('([A-Z_]+)'|true|false)\\)\\}$");

    static List<String> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(BPMN_DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn")).sorted().toList();
        }
    }

    static final Map<String, BpmnModelInstance> MODELS = new ConcurrentHashMap<>();

    static BpmnModelInstance model(String file) {
        return MODELS.computeIfAbsent(file, f -> Bpmn.readModelFromFile(BPMN_DIR.resolve(f).toFile()));
    }

    static Process process(BpmnModelInstance model) {
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        assertEquals(1, processes.size(), "one process per file");
        return processes.iterator().next();
    }

    /** Process key → model, for every file (call activities look their called process up here). */
    static Map<String, BpmnModelInstance> modelsByKey() throws IOException {
        Map<String, BpmnModelInstance> byKey = new HashMap<>();
        for (String file : bpmnFiles()) {
            BpmnModelInstance m = model(file);
            byKey.put(process(m).getId(), m);
        }
        return byKey;
    }

    static <T extends ModelElementInstance> List<T> extensions(BaseElement element, Class<T> type) {
        ExtensionElements ext = element.getExtensionElements();
        if (ext == null) {
            return List.of();
        }
        return ext.getElementsQuery().filterByType(type).list();
    }

    /** Outcome codes declared on a user task as {@code outcome.CODE} properties. */
    static Set<String> outcomes(UserTask task) {
        Set<String> codes = new LinkedHashSet<>();
        for (CamundaProperties props : extensions(task, CamundaProperties.class)) {
            for (CamundaProperty p : props.getCamundaProperties()) {
                if (p.getCamundaName() != null && p.getCamundaName().startsWith("outcome.")) {
                    codes.add(p.getCamundaName().substring("outcome.".length()));
                }
            }
        }
        return codes;
    }

    static String condition(SequenceFlow flow) {
        return flow.getConditionExpression() == null ? null : flow.getConditionExpression().getTextContent().trim();
    }

    /** Variable → values that the end events of a process set through their start listeners. */
    static Map<String, Set<String>> endResults(BpmnModelInstance model) {
        Map<String, Set<String>> results = new HashMap<>();
        for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
            for (CamundaExecutionListener l : extensions(end, CamundaExecutionListener.class)) {
                Matcher m = SET_VARIABLE.matcher(l.getCamundaExpression() == null ? "" : l.getCamundaExpression());
                assertTrue(m.matches(), end.getId() + ": end listener must be ${execution.setVariable('name', value)}");
                assertEquals("start", l.getCamundaEvent(), end.getId() + ": result listener on event start");
                results.computeIfAbsent(m.group(1), k -> new TreeSet<>())
                        .add(m.group(3) != null ? m.group(3) : m.group(2));
            }
        }
        return results;
    }

    // ------------------------------------------------------------------------------------------ per file

    @Test
    void theMapHasExactlyTheExpectedFiles() throws IOException {
        assertEquals(EXPECTED.keySet(), new TreeSet<>(bpmnFiles()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void parsesAndValidates(String file) {
        File f = BPMN_DIR.resolve(file).toFile();
        BpmnModelInstance m = Bpmn.readModelFromFile(f);
        Bpmn.validateModel(m);
        assertEquals(EXPECTED.get(file), process(m).getId(), file + " defines the process named after it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void everyElementIsDrawn(String file) {
        BpmnModelInstance m = model(file);
        Set<String> shapes = m.getModelElementsByType(BpmnShape.class).stream()
                .filter(s -> s.getBpmnElement() != null && s.getBounds() != null)
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = m.getModelElementsByType(BpmnEdge.class).stream()
                .filter(e -> e.getBpmnElement() != null && e.getWaypoints().size() >= 2)
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (FlowNode n : m.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(n.getId())) {
                missing.add("shape " + n.getId());
            }
        }
        for (SequenceFlow s : m.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(s.getId())) {
                missing.add("edge " + s.getId());
            }
        }
        assertEquals(List.of(), missing, file + ": elements without diagram data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void shapesHaveStandardSizesAndDoNotOverlap(String file) {
        List<BpmnShape> shapes = new ArrayList<>(model(file).getModelElementsByType(BpmnShape.class));
        for (BpmnShape s : shapes) {
            String where = file + " / " + s.getBpmnElement().getId();
            double w = s.getBounds().getWidth();
            double h = s.getBounds().getHeight();
            if (s.getBpmnElement() instanceof Gateway) {
                assertEquals(List.of(50.0, 50.0), List.of(w, h), where + ": gateway size");
            } else if (s.getBpmnElement() instanceof Event) {
                assertEquals(List.of(36.0, 36.0), List.of(w, h), where + ": event size");
            } else if (s.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess && Boolean.TRUE.equals(s.isExpanded())) {
                assertTrue(w > 100 && h > 80, where + ": an expanded subprocess is drawn around its content");
            } else if (s.getBpmnElement() instanceof Activity) {
                assertEquals(List.of(100.0, 80.0), List.of(w, h), where + ": task size");
            }
            if (s.getBpmnElement() instanceof ExclusiveGateway) {
                assertTrue(Boolean.TRUE.equals(s.isMarkerVisible()), where + ": isMarkerVisible");
            }
        }
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                var a = shapes.get(i).getBounds();
                var b = shapes.get(j).getBounds();
                if (attached(shapes.get(i), shapes.get(j)) || attached(shapes.get(j), shapes.get(i))) {
                    continue; // a boundary event sits on its activity's border
                }
                if (inside(shapes.get(i), shapes.get(j)) || inside(shapes.get(j), shapes.get(i))) {
                    continue; // an element of an expanded subprocess, drawn within it (checked by inside)
                }
                boolean overlap = a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
                assertFalse(overlap, file + ": " + shapes.get(i).getBpmnElement().getId() + " overlaps "
                        + shapes.get(j).getBpmnElement().getId());
            }
        }
    }

    /**
     * The inner element belongs to the subprocess (directly, or through a subprocess nested in it); then it must also
     * be drawn entirely within it.
     */
    static boolean inside(BpmnShape inner, BpmnShape subProcess) {
        boolean within = false;
        for (ModelElementInstance p = inner.getBpmnElement().getParentElement(); p != null; p = p.getParentElement()) {
            if (p == subProcess.getBpmnElement()) {
                within = true;
                break;
            }
        }
        if (!within) {
            return false;
        }
        var i = inner.getBounds();
        var o = subProcess.getBounds();
        assertTrue(i.getX() >= o.getX() && i.getY() >= o.getY() && i.getX() + i.getWidth() <= o.getX() + o.getWidth()
                && i.getY() + i.getHeight() <= o.getY() + o.getHeight(), inner.getBpmnElement().getId() + " is drawn inside "
                + subProcess.getBpmnElement().getId());
        return true;
    }

    static boolean attached(BpmnShape boundary, BpmnShape activity) {
        return boundary.getBpmnElement() instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent b
                && b.getAttachedTo() == activity.getBpmnElement();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void processIsExecutableWithHistoryTimeToLive(String file) {
        Process p = process(model(file));
        assertTrue(p.isExecutable(), file + " is executable");
        assertNotNull(p.getCamundaHistoryTimeToLiveString(), file + " has historyTimeToLive");
        assertFalse(p.getCamundaHistoryTimeToLiveString().isBlank(), file + " has historyTimeToLive");
        assertNotNull(p.getName(), file + " has a name");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void userTasksFollowTheTaskContract(String file) {
        for (UserTask task : model(file).getModelElementsByType(UserTask.class)) {
            String where = file + " / " + task.getId();
            String groups = task.getCamundaCandidateGroups();
            assertNotNull(groups, where + ": candidateGroups");
            Matcher m = CANDIDATE_GROUPS.matcher(groups);
            assertTrue(m.matches(), where + ": candidateGroups must be ${roles.<method>(execution)}, was " + groups);
            assertTrue(ROLES.contains(m.group(1)), where + ": unknown role method " + m.group(1));
            assertEquals(FORM_KEY, task.getCamundaFormKey(), where + ": formKey");
            assertFalse(outcomes(task).isEmpty(), where + ": at least one outcome.* property");
            assertFalse(task.getDocumentations().isEmpty(), where + ": documentation citing the article");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void gatewaysAfterUserTasksTestOnlyDeclaredOutcomes(String file) {
        for (ExclusiveGateway gw : model(file).getModelElementsByType(ExclusiveGateway.class)) {
            for (SequenceFlow in : gw.getIncoming()) {
                if (!(in.getSource() instanceof UserTask task)) {
                    continue;
                }
                Set<String> declared = outcomes(task);
                Set<String> tested = new TreeSet<>();
                for (SequenceFlow out : gw.getOutgoing()) {
                    String cond = condition(out);
                    if (cond == null) {
                        continue;
                    }
                    String where = file + " / " + out.getId() + " after " + task.getId();
                    Matcher m = OUTCOME_CONDITION.matcher(cond);
                    assertTrue(m.matches(), where + ": condition must be ${outcome == 'CODE'}, was " + cond);
                    assertTrue(declared.contains(m.group(1)),
                            where + ": outcome " + m.group(1) + " is not declared on the task " + declared);
                    tested.add(m.group(1));
                }
                if (gw.getOutgoing().size() > 1 && gw.getDefault() == null) {
                    assertEquals(new TreeSet<>(declared), tested,
                            file + " / " + gw.getId() + ": every outcome of " + task.getId() + " leads somewhere");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void callActivitiesCallMappedProcessesAndPassTheBusinessKey(String file) throws IOException {
        Map<String, BpmnModelInstance> byKey = modelsByKey();
        for (CallActivity call : model(file).getModelElementsByType(CallActivity.class)) {
            String where = file + " / " + call.getId();
            assertTrue(byKey.containsKey(call.getCalledElement()),
                    where + ": calledElement " + call.getCalledElement() + " is not a process in bpmn/");
            List<CamundaIn> ins = extensions(call, CamundaIn.class);
            assertTrue(ins.stream().anyMatch(i -> BUSINESS_KEY_IN.equals(i.getCamundaBusinessKey())),
                    where + ": passes the business key");
            assertTrue(ins.stream().anyMatch(i -> "decisionId".equals(i.getCamundaSource())
                    && "decisionId".equals(i.getCamundaTarget())), where + ": passes decisionId");
        }
    }

    /**
     * A gateway after a call activity (directly or through other gateways) tests only variables the call maps out,
     * and compares them only with values the called process's end events set.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnFiles")
    void gatewaysAfterCallActivitiesTestStageResults(String file) throws IOException {
        Map<String, BpmnModelInstance> byKey = modelsByKey();
        for (ExclusiveGateway gw : model(file).getModelElementsByType(ExclusiveGateway.class)) {
            FlowNode before = gw;
            while (before instanceof ExclusiveGateway && before.getIncoming().size() == 1) {
                before = before.getIncoming().iterator().next().getSource();
            }
            if (!(before instanceof CallActivity call)) {
                continue;
            }
            Set<String> outs = extensions(call, CamundaOut.class).stream().map(CamundaOut::getCamundaTarget)
                    .collect(Collectors.toSet());
            Map<String, Set<String>> results = endResults(byKey.get(call.getCalledElement()));
            for (SequenceFlow out : gw.getOutgoing()) {
                String cond = condition(out);
                if (cond == null) {
                    continue;
                }
                String where = file + " / " + out.getId() + " after " + call.getId();
                String body = cond.replaceAll("^\\$\\{|\\}$", "");
                Matcher ids = IDENTIFIER.matcher(body.replaceAll("'[^']*'", "''"));
                while (ids.find()) {
                    assertTrue(outs.contains(ids.group(1)), where + ": " + ids.group(1) + " is not mapped out");
                }
                Matcher eq = VAR_EQUALS.matcher(body);
                while (eq.find()) {
                    Set<String> values = results.getOrDefault(eq.group(1), Set.of());
                    assertTrue(values.contains(eq.group(2)), where + ": " + call.getCalledElement()
                            + " never sets " + eq.group(1) + " = '" + eq.group(2) + "' (sets " + values + ")");
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ the engine

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DeployedTogether {

        ProcessEngine engine;
        Deployment deployment;
        RuntimeService runtime;
        TaskService tasks;
        HistoryService history;

        /** Business key → the arrangements (participation, expert, risk) each drafting round returns. */
        final Map<String, Deque<boolean[]>> arrangements = new ConcurrentHashMap<>();

        @BeforeAll
        void startEngineAndDeploy() throws IOException {
            ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                    .createStandaloneInMemProcessEngineConfiguration()
                    .setJdbcUrl("jdbc:h2:mem:bpmnmap;DB_CLOSE_DELAY=-1")
                    .setJobExecutorActivate(false)
                    .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                    .setProcessEngineName("bpmnmap");
            cfg.setMetricsEnabled(false);
            Map<Object, Object> beans = new HashMap<>();
            beans.put("roles", new FakeRoles());
            beans.put("procedureArrangementDelegate", (JavaDelegate) this::readArrangements);
            beans.put("consultation", new FakeConsultation());
            beans.put("countersign", new FakeCountersign());
            beans.put("catalogueService", new FakeCatalogueService());
            beans.put("periodTimers", new FakePeriodTimers());
            beans.put("executionPlan", new FakeExecutionPlan());
            beans.put("executionReports", new FakeExecutionReports());
            cfg.setBeans(beans);
            engine = cfg.buildProcessEngine();
            runtime = engine.getRuntimeService();
            tasks = engine.getTaskService();
            history = engine.getHistoryService();

            RepositoryService repository = engine.getRepositoryService();
            DeploymentBuilder builder = repository.createDeployment().name("bpmn-map");
            List<InputStream> streams = new ArrayList<>();
            try {
                for (String file : bpmnFiles()) {
                    InputStream in = Files.newInputStream(BPMN_DIR.resolve(file));
                    streams.add(in);
                    builder.addInputStream(file, in);
                }
                Path form = BPMN_DIR.resolve(FORM);
                if (Files.isRegularFile(form)) {
                    InputStream in = Files.newInputStream(form);
                    streams.add(in);
                    builder.addInputStream(FORM, in);
                }
                deployment = builder.deploy();
            } finally {
                for (InputStream in : streams) {
                    in.close();
                }
            }
        }

        @AfterAll
        void closeEngine() {
            if (engine != null) {
                engine.close();
            }
        }

        void readArrangements(DelegateExecution execution) {
            Deque<boolean[]> queue = arrangements.get(execution.getBusinessKey());
            assertNotNull(queue, "no arrangements scripted for " + execution.getBusinessKey());
            boolean[] a = queue.removeFirst();
            execution.setVariable("participationRequired", a[0]);
            execution.setVariable("expertReviewRequired", a[1]);
            execution.setVariable("riskAssessmentRequired", a[2]);
        }

        @Test
        void oneProcessDefinitionPerFileWithTheExpectedKeys() throws IOException {
            List<ProcessDefinition> defs = engine.getRepositoryService().createProcessDefinitionQuery()
                    .deploymentId(deployment.getId()).list();
            assertEquals(bpmnFiles().size(), defs.size());
            Map<String, String> byResource = new TreeMap<>();
            for (ProcessDefinition d : defs) {
                byResource.put(d.getResourceName(), d.getKey());
            }
            assertEquals(EXPECTED, byResource);
        }

        // A few walks through the map: conditions, result variables and candidate-group expressions
        // evaluate as the contract says. "task:OUTCOME" steps; arrangements are {participation, expert, risk}.

        @Test
        void fullProcedureWithSupplementAndLoops() {
            walk("GX-2026-0001", List.of(new boolean[] {true, false, true}),
                    "proposal-study:OUT_OF_SCOPE", "proposal-scope-confirm:RETURNED", "proposal-study:IN_SCOPE",
                    "launch-decide:LAUNCH",
                    "drafting-draft:SUBMITTED", "drafting-initial-review:RETURNED",
                    "drafting-draft:SUBMITTED", "drafting-initial-review:PASSED", "drafting-arrangements:CONFIRMED",
                    "participation-conduct:COMPLETED",
                    "risk-assess:HIGH", "risk-finding:UNCONTROLLABLE", "risk-adjust:ADJUSTED",
                    "risk-assess:LOW", "risk-finding:CONTROLLABLE",
                    "legality-submit:SUBMITTED", "legality-review:MISSING_EXPERT",
                    "expert-conduct:COMPLETED",
                    "legality-submit:SUBMITTED", "legality-review:PROVISIONS_ILLEGAL", "legality-revise:REVISED",
                    "meeting-submit:SUBMITTED", "meeting-decide:APPROVED_IN_PRINCIPLE", "meeting-revise:REVISED",
                    "publication-party-report:ISSUED", "publication-publish:PUBLISHED",
                    "publication-feedback:PUBLISHED",
                    "execution-assign:ASSIGNED", "execution-report:REPORTED", "execution-report:REPORTED",
                    "!execution-suspend", "execution-suspended:RESUME",
                    "!execution-review", "execution-adjust:CONTINUE",
                    "!evaluation-request", "evaluation-decide:EVALUATE", "evaluation-conduct:SUBMITTED",
                    "evaluation-resolve:CONTINUE",
                    "execution-report:COMPLETED", "execution-report:COMPLETED",
                    "evaluation-decide:EVALUATE", "evaluation-conduct:SUBMITTED", "evaluation-resolve:CONTINUE",
                    "archive-file:ARCHIVED");
            assertEndedAt("GX-2026-0001", "end-archived");
            assertVisited("GX-2026-0001", "decision-lifecycle", "ended-completed");
        }

        @Test
        void outOfScopeConfirmedByTheJusticeBureau() {
            walk("GX-2026-0002", List.of(), "proposal-study:OUT_OF_SCOPE", "proposal-scope-confirm:CONFIRMED",
                    "archive-file:ARCHIVED");
            assertEndedAt("GX-2026-0002", "end-archived");
            assertVisited("GX-2026-0002", "decision-lifecycle", "ended-out-of-scope");
        }

        @Test
        void notLaunched() {
            walk("GX-2026-0003", List.of(), "proposal-study:IN_SCOPE", "launch-decide:DECLINE", "archive-file:ARCHIVED");
            assertEndedAt("GX-2026-0003", "end-archived");
            assertVisited("GX-2026-0003", "decision-lifecycle", "ended-not-launched");
        }

        @Test
        void illegalDraftIsRedraftedThenTerminated() {
            boolean[] none = {false, false, false};
            walk("GX-2026-0004", List.of(none, none),
                    "proposal-study:IN_SCOPE", "launch-decide:LAUNCH",
                    "drafting-draft:SUBMITTED", "drafting-initial-review:PASSED", "drafting-arrangements:CONFIRMED",
                    "legality-submit:SUBMITTED", "legality-review:ILLEGAL", "legality-disposition:REDRAFT",
                    "drafting-draft:SUBMITTED", "drafting-initial-review:PASSED", "drafting-arrangements:CONFIRMED",
                    "legality-submit:SUBMITTED", "legality-review:MISSING_RISK",
                    "risk-assess:MEDIUM", "risk-finding:CONTROLLABLE",
                    "legality-submit:SUBMITTED", "legality-review:MISSING_PARTICIPATION",
                    "participation-conduct:COMPLETED",
                    "legality-submit:SUBMITTED", "legality-review:ILLEGAL", "legality-disposition:TERMINATE",
                    "archive-file:ARCHIVED");
            assertEndedAt("GX-2026-0004", "end-archived");
            assertVisited("GX-2026-0004", "decision-lifecycle", "ended-terminated");
        }

        @Test
        void modifiedInExecutionAndAfterEvaluationThenRejected() {
            boolean[] none = {false, false, false};
            boolean[] expert = {false, true, false};
            String[] toMeeting = {"drafting-draft:SUBMITTED", "drafting-initial-review:PASSED",
                "drafting-arrangements:CONFIRMED", "legality-submit:SUBMITTED", "legality-review:PASSED",
                "meeting-submit:SUBMITTED"};
            String[] publish = {"publication-party-report:ISSUED", "publication-publish:PUBLISHED",
                "publication-feedback:NOT_APPLICABLE"};
            List<String> steps = new ArrayList<>(List.of("proposal-study:IN_SCOPE", "launch-decide:LAUNCH"));
            steps.addAll(List.of(toMeeting));
            steps.add("meeting-decide:APPROVED");
            steps.addAll(List.of(publish));
            steps.addAll(List.of("execution-assign:ASSIGNED", "!execution-review", "execution-adjust:MODIFY"));
            steps.addAll(List.of("drafting-draft:SUBMITTED", "drafting-initial-review:PASSED",
                    "drafting-arrangements:CONFIRMED", "expert-conduct:COMPLETED",
                    "legality-submit:SUBMITTED", "legality-review:PASSED", "meeting-submit:SUBMITTED",
                    "meeting-decide:APPROVED"));
            steps.addAll(List.of(publish));
            steps.addAll(List.of("execution-assign:ASSIGNED", "execution-report:COMPLETED", "execution-report:COMPLETED",
                    "evaluation-decide:EVALUATE", "evaluation-conduct:SUBMITTED", "evaluation-resolve:MODIFY"));
            steps.addAll(List.of(toMeeting));
            steps.add("meeting-decide:REJECTED");
            steps.add("archive-file:ARCHIVED");
            walk("GX-2026-0005", List.of(none, expert, none), steps.toArray(String[]::new));
            assertEndedAt("GX-2026-0005", "end-archived");
            assertVisited("GX-2026-0005", "decision-lifecycle", "ended-rejected");
        }

        @Test
        void stoppedInSuspensionOrNotEvaluated() {
            String[] toExecution = {"proposal-study:IN_SCOPE", "launch-decide:LAUNCH",
                "drafting-draft:SUBMITTED", "drafting-initial-review:PASSED", "drafting-arrangements:CONFIRMED",
                "legality-submit:SUBMITTED", "legality-review:PASSED",
                "meeting-submit:SUBMITTED", "meeting-decide:APPROVED",
                "publication-party-report:ISSUED", "publication-publish:PUBLISHED",
                "publication-feedback:NOT_APPLICABLE"};
            boolean[] none = {false, false, false};
            List<String> a = new ArrayList<>(List.of(toExecution));
            a.addAll(List.of("execution-assign:ASSIGNED", "execution-report:REPORTED", "!execution-suspend",
                    "execution-suspended:STOP", "archive-file:ARCHIVED"));
            walk("GX-2026-0006", List.of(none), a.toArray(String[]::new));
            assertEndedAt("GX-2026-0006", "end-archived");
            assertVisited("GX-2026-0006", "stage-execution", "end-stopped");
            assertVisited("GX-2026-0006", "decision-lifecycle", "ended-stopped");

            List<String> b = new ArrayList<>(List.of(toExecution));
            b.addAll(List.of("execution-assign:ASSIGNED", "!execution-review", "execution-adjust:STOP", "archive-file:ARCHIVED"));
            walk("GX-2026-0007", List.of(none), b.toArray(String[]::new));
            assertEndedAt("GX-2026-0007", "end-archived");
            assertVisited("GX-2026-0007", "stage-execution", "end-review-stop");

            List<String> c = new ArrayList<>(List.of(toExecution));
            c.addAll(List.of("execution-assign:ASSIGNED", "execution-report:COMPLETED", "execution-report:COMPLETED",
                    "evaluation-decide:SKIP", "archive-file:ARCHIVED"));
            walk("GX-2026-0008", List.of(none), c.toArray(String[]::new));
            assertEndedAt("GX-2026-0008", "end-archived");
            assertVisited("GX-2026-0008", "stage-evaluation", "end-not-evaluated");
            assertVisited("GX-2026-0008", "decision-lifecycle", "ended-completed");

            // an evaluation decided during execution (Art. 56) whose resolution stops it (Art. 57)
            List<String> e = new ArrayList<>(List.of(toExecution));
            e.addAll(List.of("execution-assign:ASSIGNED", "execution-report:REPORTED", "!evaluation-request",
                    "evaluation-decide:EVALUATE", "evaluation-conduct:SUBMITTED", "evaluation-resolve:STOP",
                    "archive-file:ARCHIVED"));
            walk("GX-2026-0009", List.of(none), e.toArray(String[]::new));
            assertEndedAt("GX-2026-0009", "end-archived");
            assertVisited("GX-2026-0009", "stage-execution", "end-evaluation-stop");
            assertVisited("GX-2026-0009", "decision-lifecycle", "ended-stopped");
        }

        @Test
        void draftingConsultsEachUnitAndEscalatesADisagreement() {
            walk("GX-2026-0901", List.of(new boolean[] {false, false, false}),
                    "proposal-study:IN_SCOPE", "launch-decide:LAUNCH",
                    "drafting-draft:CONSULT", "drafting-consult:AGREE", "drafting-consult:DISAGREE",
                    "drafting-consult-summary:DISPUTED", "drafting-disagreement:REFER_LEADER",
                    "drafting-coordination:COORDINATED", "drafting-initial-review:RETURNED",
                    "drafting-draft:CONSULT", "drafting-consult:AGREE", "drafting-consult:AGREE",
                    "drafting-consult-summary:AGREED", "drafting-initial-review:PASSED", "drafting-arrangements:CONFIRMED",
                    "legality-submit:SUBMITTED", "legality-review:ILLEGAL", "legality-disposition:TERMINATE",
                    "archive-file:ARCHIVED");
            assertVisited("GX-2026-0901", "stage-drafting", "drafting-coordination");
        }

        @Test
        void annualCatalogueReturnedPublishedChangedAndEndedAtYearEnd() {
            String key = "GX-2031-ML";
            runtime.startProcessInstanceByKey("annual-catalogue", key, Map.of("catalogueId", (Object) 1L));
            completeCatalogueTask(key, "catalogue-compile", "SUBMITTED", "catalogueCompiler");
            completeCatalogueTask(key, "catalogue-confirm", "RETURNED", "catalogueOrgan");
            completeCatalogueTask(key, "catalogue-compile", "SUBMITTED", "catalogueCompiler");
            completeCatalogueTask(key, "catalogue-confirm", "CONFIRMED", "catalogueOrgan");
            completeCatalogueTask(key, "catalogue-publish", "PUBLISHED", "catalogueCompiler");
            // two matters launched outside the catalogue: two change tasks, the catalogue stays in force
            runtime.createMessageCorrelation("catalogue-change-requested").processInstanceBusinessKey(key)
                    .setVariable("changeRequestId", 1L).correlate();
            runtime.createMessageCorrelation("catalogue-change-requested").processInstanceBusinessKey(key)
                    .setVariable("changeRequestId", 2L).correlate();
            assertEquals(2, tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("catalogue-change").count());
            completeCatalogueTask(key, "catalogue-change", "CHANGED", "catalogueCompiler");
            // the year ends: the timer ends the catalogue's main path; the open change task keeps it alive
            var timer = engine.getManagementService().createJobQuery().processInstanceId(runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(key).singleResult().getId()).timers().singleResult();
            assertNotNull(timer, "year-end timer");
            assertEquals(FakeCatalogueService.YEAR_END, timer.getDuedate());
            engine.getManagementService().executeJob(timer.getId());
            assertEquals(1, runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count());
            completeCatalogueTask(key, "catalogue-change", "NOT_CHANGED", "catalogueCompiler");
            assertEquals(0, runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count());
            List<String> ends = history.createHistoricActivityInstanceQuery().activityType("noneEndEvent").list().stream()
                    .filter(a -> history.createHistoricProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
                            .processInstanceBusinessKey(key).count() > 0)
                    .map(HistoricActivityInstance::getActivityId).sorted().toList();
            assertEquals(List.of("end-catalogue", "end-change", "end-change"), ends);
        }

        void completeCatalogueTask(String key, String taskKey, String outcome, String group) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey).list().stream()
                    .findFirst().orElse(null);
            assertNotNull(task, key + ": expected task " + taskKey);
            List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
            assertEquals(List.of(group), groups, taskKey + ": candidate group");
            tasks.complete(task.getId(), Map.of("outcome", outcome, "reason", "测试"));
        }

        void walk(String businessKey, List<boolean[]> rounds, String... steps) {
            arrangements.put(businessKey, new ArrayDeque<>(rounds));
            runtime.startProcessInstanceByKey("decision-lifecycle", businessKey,
                    Map.of("decisionId", (Object) ("id-" + businessKey)));
            for (String step : steps) {
                if (step.startsWith("!")) {
                    // a message the application correlates (a unit's report of a problem, the head's suspension, …)
                    runtime.createMessageCorrelation(step.substring(1)).processInstanceBusinessKey(businessKey).correlate();
                    continue;
                }
                String[] s = step.split(":");
                List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
                Task task = open.stream().filter(t -> s[0].equals(t.getTaskDefinitionKey())).findFirst()
                        .orElse(null);
                if (task == null) {
                    fail(businessKey + ": expected task " + s[0] + " but open are "
                            + open.stream().map(Task::getTaskDefinitionKey).toList());
                }
                List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
                assertEquals(1, groups.size(), task.getTaskDefinitionKey() + ": one candidate group");
                assertTrue(ROLES.contains(groups.get(0)), task.getTaskDefinitionKey() + ": " + groups);
                Map<String, Object> vars = new LinkedHashMap<>();
                vars.put("outcome", s[1]);
                vars.put("reason", "测试");
                tasks.complete(task.getId(), vars);
            }
            assertEquals(List.of(), tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list().stream()
                    .map(Task::getTaskDefinitionKey).toList(), businessKey + ": no task left open");
            assertTrue(arrangements.get(businessKey).isEmpty(), businessKey + ": every drafting round was run");
        }

        void assertEndedAt(String businessKey, String endEventId) {
            HistoricProcessInstance main = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(businessKey).processDefinitionKey("decision-lifecycle")
                    .singleResult();
            assertNotNull(main.getEndTime(), businessKey + " has ended");
            List<String> ends = history.createHistoricActivityInstanceQuery()
                    .processInstanceId(main.getId()).activityType("noneEndEvent").list().stream()
                    .map(HistoricActivityInstance::getActivityId).toList();
            assertEquals(List.of(endEventId), ends, businessKey + " ended at");
            assertEquals("id-" + businessKey, history.createHistoricVariableInstanceQuery()
                    .processInstanceId(main.getId()).variableName("decisionId").singleResult().getValue());
        }

        void assertVisited(String businessKey, String processKey, String activityId) {
            List<String> ids = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                    .processDefinitionKey(processKey).list().stream().map(HistoricProcessInstance::getId).toList();
            assertFalse(ids.isEmpty(), businessKey + " ran " + processKey + " with its business key");
            long n = ids.stream().mapToLong(id -> history.createHistoricActivityInstanceQuery()
                    .processInstanceId(id).activityId(activityId).count()).sum();
            assertTrue(n > 0, businessKey + ": " + processKey + " passed " + activityId);
        }
    }

    /** Stands in for the application's {@code catalogueService} bean (the year-end timer). */
    public static class FakeCatalogueService {
        static final java.util.Date YEAR_END = java.util.Date.from(java.time.ZonedDateTime.of(2032, 1, 1, 0, 0, 0, 0,
                java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        public java.util.Date yearEnd(DelegateExecution e) { return YEAR_END; }
    }

    /** Stands in for the application's {@code roles} bean: each method names its own role as the group. */
    public static class FakeRoles {
        public String studyUnit(DelegateExecution e) { return "studyUnit"; }
        public String leadUnit(DelegateExecution e) { return "leadUnit"; }
        public String leadUnitLegal(DelegateExecution e) { return "leadUnitLegal"; }
        public String justiceBureau(DelegateExecution e) { return "justiceBureau"; }
        public String decisionOrgan(DelegateExecution e) { return "decisionOrgan"; }
        public String executiveHead(DelegateExecution e) { return "executiveHead"; }
        public String govOffice(DelegateExecution e) { return "govOffice"; }
        public String riskAssessor(DelegateExecution e) { return "riskAssessor"; }
        public String executionUnit(DelegateExecution e) { return "executionUnit"; }
        public String evaluator(DelegateExecution e) { return "evaluator"; }
        public String catalogueCompiler(DelegateExecution e) { return "catalogueCompiler"; }
        public String catalogueOrgan(DelegateExecution e) { return "catalogueOrgan"; }
        public String consultedUnit(DelegateExecution e) { return "consultedUnit"; }
        public String countyLeader(DelegateExecution e) { return "countyLeader"; }
        public String coUnit(DelegateExecution e) { return "coUnit"; }
    }

    /** Stands in for the legality stage's countersignature bean: no co-units. */
    public static class FakeCountersign {
        public List<String> units(DelegateExecution e) { return List.of(); }
    }

    /** Stands in for the execution plan bean: two execution units (Art. 53). */
    public static class FakeExecutionPlan {
        public List<String> units(DelegateExecution e) { return List.of("unit-a", "unit-b"); }
    }

    /** Stands in for the execution reports bean: report dates far in the future, listeners do nothing. */
    public static class FakeExecutionReports {
        public void schedule(DelegateExecution e) {
            java.util.Date far = new java.util.Date(32503680000000L);
            e.setVariableLocal("reportDueAt", far);
            e.setVariableLocal("reportReminderAt", far);
            e.setVariableLocal("reportOverdueAt", far);
        }
        public void opened(org.camunda.bpm.engine.delegate.DelegateTask t) { }
        public void remind(org.camunda.bpm.engine.delegate.DelegateTask t) { }
        public void overdue(org.camunda.bpm.engine.delegate.DelegateTask t) { }
    }

    /** Stands in for the drafting consultation bean: two units consulted, answers not recorded. */
    public static class FakeConsultation implements org.camunda.bpm.engine.delegate.TaskListener {
        public List<String> units(DelegateExecution e) { return List.of("unit-a", "unit-b"); }
        @Override
        public void notify(org.camunda.bpm.engine.delegate.DelegateTask t) { }
    }

    /** Stands in for the application's {@code periodTimers} bean: timers far in the future, listeners do nothing. */
    public static class FakePeriodTimers {
        public java.util.Date reminderAt(DelegateExecution e) { return new java.util.Date(32503680000000L); }
        public java.util.Date escalationAt(DelegateExecution e) { return new java.util.Date(32503680000000L); }
        public void remind(org.camunda.bpm.engine.delegate.DelegateTask t) { }
        public void escalate(org.camunda.bpm.engine.delegate.DelegateTask t) { }
    }
}
