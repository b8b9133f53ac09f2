using Workflows.Engine.Model;
using Workflows.Engine.Parsing;

namespace Workflows.Engine.Tests.Parsing;

/// <summary>What the parser makes of a file that uses every supported element (fixtures/supported-subset.bpmn).</summary>
public sealed partial class BpmnParserTests
{
    private static ProcessDefinition Subset() => ParseAssert.Parsed(Bpmn.Parse(Bpmn.Fixture("supported-subset.bpmn")));

    [Fact]
    public void A_file_using_every_supported_element_parses_into_a_definition()
    {
        var definition = Subset();

        Assert.Equal("Escalation", definition.Id);
        Assert.Equal("Escalation rung", definition.Name);
        Assert.Equal(32, definition.Nodes.Count);
        Assert.Equal(28, definition.Flows.Count);
    }

    [Fact]
    public void Each_element_becomes_its_model_type()
    {
        var d = Subset();

        Assert.IsType<StartEvent>(d.Nodes["Start"]);
        Assert.IsType<UserTask>(d.Nodes["Decide"]);
        Assert.Equal("response", d.Get<ReceiveTask>("Wait").MessageName);
        Assert.Equal("serviceTask", d.Get<ServiceTask>("Notify").Kind);
        Assert.Equal("sendTask", d.Get<ServiceTask>("SendReminder").BpmnType);
        Assert.Equal(GatewayKind.Exclusive, d.Get<Gateway>("Route").Kind);
        Assert.Equal(GatewayKind.Parallel, d.Get<Gateway>("Fork").Kind);
        Assert.Equal(GatewayKind.Inclusive, d.Get<Gateway>("Choose").Kind);
        Assert.Equal(GatewayKind.EventBased, d.Get<Gateway>("Race").Kind);
        Assert.IsType<IntermediateThrowEvent>(d.Nodes["Stage"]);
        Assert.True(d.Get<EndEvent>("Terminate").IsTerminate);
        Assert.False(d.Get<EndEvent>("End").IsTerminate);
    }

    [Fact]
    public void Incoming_and_outgoing_flows_come_from_the_sequence_flows_in_document_order()
    {
        var d = Subset();

        Assert.Equal(["Flow_Route_Resolve", "Flow_Route_Wait"], d.Nodes["Route"].Outgoing);
        Assert.Equal(["Flow_Route_Resolve", "Flow_Merge"], d.Nodes["Fork"].Incoming);
        Assert.Empty(d.Nodes["Start"].Incoming);
        Assert.Equal("Notify", d.Flows["Flow_Start"].TargetId);
    }

    [Fact]
    public void Conditions_and_default_flows_are_read()
    {
        var d = Subset();

        Assert.Equal("decision === 'resolve'", d.Flows["Flow_Route_Resolve"].Condition);
        Assert.Equal("rag === 'RED'", d.Flows["Flow_Choose_Note"].Condition);
        Assert.Null(d.Flows["Flow_Route_Wait"].Condition);
        Assert.Equal("Flow_Route_Wait", d.Get<Gateway>("Route").DefaultFlowId);
        Assert.Equal("Flow_Choose_Record", d.Get<Gateway>("Choose").DefaultFlowId);
    }

    [Fact]
    public void Sub_process_children_name_their_scope()
    {
        var d = Subset();

        Assert.Equal("Rung", d.Nodes["Wait"].ParentId);
        Assert.Equal("Rung", d.Flows["Rung_Flow1"].ParentId);
        Assert.Null(d.Nodes["Rung"].ParentId);
        Assert.Equal(["Rung_Start"], d.StartEventsOf("Rung").Select(s => s.Id));
        Assert.Equal(["Start"], d.StartEventsOf(null).Select(s => s.Id));
    }

    [Fact]
    public void Event_sub_processes_keep_their_trigger_and_interrupting_flag()
    {
        var d = Subset();

        Assert.Equal(["OnThemedConcern", "OnDeadline"], d.EventSubProcessesOf(null).Select(s => s.Id));
        var themed = d.Get<StartEvent>("Themed_Start");
        Assert.False(themed.IsInterrupting);
        Assert.Equal(new MessageEventDefinition("themed-concern"), themed.Definition);
        var deadline = d.Get<StartEvent>("Deadline_Start");
        Assert.True(deadline.IsInterrupting);
        Assert.Equal(new TimerDefinition(TimerKind.Duration, "P20D"), ((TimerEventDefinition)deadline.Definition!).Timer);
    }

    [Fact]
    public void Boundary_events_keep_their_activity_timer_and_cancel_flag()
    {
        var d = Subset();

        var reminder = d.Get<BoundaryEvent>("Reminder");
        Assert.Equal("Wait", reminder.AttachedToId);
        Assert.False(reminder.CancelActivity);
        Assert.Equal(new TimerDefinition(TimerKind.Cycle, "R2/PT24H"), ((TimerEventDefinition)reminder.Definition).Timer);

        var overdue = d.Get<BoundaryEvent>("Overdue");
        Assert.True(overdue.CancelActivity);
        Assert.Equal(new TimerDefinition(TimerKind.Duration, "responseWindow(rag)"), ((TimerEventDefinition)overdue.Definition).Timer);
        Assert.Equal(["Overdue"], d.BoundaryEventsOf("Rung").Select(b => b.Id));
    }

    [Fact]
    public void Catch_events_keep_their_timer_date_and_message()
    {
        var d = Subset();

        Assert.Equal(new TimerDefinition(TimerKind.Date, "2026-12-01T17:00:00Z"),
            ((TimerEventDefinition)d.Get<IntermediateCatchEvent>("WaitUntil").Definition).Timer);
        Assert.Equal(new MessageEventDefinition("close"), d.Get<IntermediateCatchEvent>("WaitClose").Definition);
    }

    [Fact]
    public void A_message_ref_resolves_to_the_message_name_or_to_its_id_when_unnamed()
    {
        var d = Subset();

        Assert.Equal("response", d.Get<ReceiveTask>("Wait").MessageName);
        Assert.Equal(new MessageEventDefinition("close"), d.Get<IntermediateCatchEvent>("WaitClose").Definition);
    }

    [Fact]
    public void Esc_attributes_are_kept_exactly_as_written_and_other_namespaces_are_dropped()
    {
        var d = Subset();

        var notify = d.Nodes["Notify"].Extensions;
        Assert.Equal(4, notify.Count);
        Assert.Equal("notify", notify["action"]);
        Assert.Equal("teamManager", notify["recipientRole"]);
        Assert.Equal("iro, serviceManager", notify["ccRoles"]);
        Assert.Equal("rung-1-raised", notify["template"]);
        Assert.Equal("Escalated to {{rungTitle}} & awaiting reply", d.Nodes["Note"].Extensions["note"]);
        Assert.Equal("1", d.Nodes["Rung"].Extensions["stage"]);
        Assert.Equal("Team manager", d.Nodes["Rung"].Extensions["rungTitle"]);
        Assert.Equal("stage-entered", d.Nodes["Stage"].Extensions["action"]);
        Assert.Equal("reviewer", d.Nodes["Decide"].Extensions["assigneeRole"]);
        Assert.Empty(d.Nodes["Record"].Extensions);
    }

    [Fact]
    public void Documentation_is_kept_on_the_process_and_on_elements()
    {
        var d = Subset();

        Assert.Equal("Escalates a concern about a child's plan, rung by rung.", d.Documentation);
        Assert.Equal("The IRO raises a concern.", d.Nodes["Start"].Documentation);
        Assert.Null(d.Nodes["Notify"].Documentation);
    }

    [Fact]
    public void Names_are_kept()
    {
        var d = Subset();

        Assert.Equal("Concern raised", d.Nodes["Start"].Name);
        Assert.Equal("resolve", d.Flows["Flow_Route_Resolve"].Name);
        Assert.Null(d.Nodes["Fork"].Name);
    }

    [Fact]
    public void Lanes_are_kept_with_nested_lanes_and_each_node_names_its_innermost_lane()
    {
        var d = Subset();

        Assert.Equal(["Lane_Reviewer", "Lane_Iro", "Lane_Manager"], d.Lanes.Select(l => l.Id));
        Assert.Equal(["Start", "Notify", "Decide"], d.Lanes[0].FlowNodeIds);
        Assert.Equal("Reviewer", d.Nodes["Notify"].Lane);
        Assert.Equal("IRO", d.Nodes["Decide"].Lane);
        Assert.Equal("Lane_Manager", d.Nodes["Record"].Lane); // an unnamed lane is known by its id
        Assert.Null(d.Nodes["Route"].Lane);
    }

    [Fact]
    public void Diagram_interchange_artifacts_data_and_definitions_at_the_top_level_are_ignored()
    {
        var d = Subset();

        Assert.DoesNotContain("Note_1", d.Elements.Keys);
        Assert.DoesNotContain("Association_1", d.Elements.Keys);
        Assert.DoesNotContain("DataRef_Concern", d.Elements.Keys);
        Assert.DoesNotContain("Signal_Unused", d.Elements.Keys);
    }

    [Fact]
    public async Task Reading_a_stream_gives_the_same_definition_as_reading_the_text()
    {
        var xml = Bpmn.Fixture("supported-subset.bpmn");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));

        var result = await BpmnParser.ParseAsync(stream);

        var definition = ParseAssert.Parsed(result);
        Assert.Equal(Subset().Nodes.Keys.Order(), definition.Nodes.Keys.Order());
    }

    [Fact]
    public void A_minimal_process_with_the_default_bpmn_prefix_parses()
    {
        var result = Bpmn.Parse(Bpmn.Process("""
            <startEvent id="S" />
            <sequenceFlow id="F" sourceRef="S" targetRef="E" />
            <endEvent id="E" />
            """));

        var d = ParseAssert.Parsed(result);
        Assert.Equal("P", d.Id);
        Assert.Equal(2, d.Nodes.Count);
    }

    [Fact]
    public void Esc_attributes_on_a_sequence_flow_are_kept()
    {
        var result = Bpmn.Parse(Bpmn.Process("""
            <startEvent id="S" />
            <sequenceFlow id="F" sourceRef="S" targetRef="E" esc:label="escalate" />
            <endEvent id="E" />
            """));

        Assert.Equal("escalate", ParseAssert.Parsed(result).Flows["F"].Extensions["label"]);
    }
}
