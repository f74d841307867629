using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GroupBuy.Conversations.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddAfterSalesTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "intake_dialogs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    resident_user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    resident_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    chat_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    group_id = table.Column<long>(type: "INTEGER", nullable: true),
                    step = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    order_choices = table.Column<string>(type: "TEXT", nullable: false),
                    order_id = table.Column<long>(type: "INTEGER", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    evidence = table.Column<string>(type: "TEXT", nullable: false),
                    without_evidence = table.Column<bool>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_activity_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intake_dialogs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    resident_id = table.Column<long>(type: "INTEGER", nullable: false),
                    resident_user_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    resident_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    reply_chat_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    group_id = table.Column<long>(type: "INTEGER", nullable: false),
                    order_id = table.Column<long>(type: "INTEGER", nullable: false),
                    campaign_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    evidence = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    paid = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    first_answer_due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    escalated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolution_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    refund_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    compensation_cash = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    accepted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true),
                    overdue_escalated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    follow_up_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    follow_up_sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    rating = table.Column<int>(type: "INTEGER", nullable: true),
                    rated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tickets", x => x.id);
                    table.CheckConstraint("ck_tickets_rating", "rating IS NULL OR (rating >= 1 AND rating <= 5)");
                    table.ForeignKey(
                        name: "fk_tickets_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tickets_residents_resident_id",
                        column: x => x.resident_id,
                        principalTable: "residents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticket_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_events_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ticket_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item_no = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_lines_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_intake_dialogs_channel_resident_user_id",
                table: "intake_dialogs",
                columns: new[] { "channel", "resident_user_id" },
                unique: true,
                filter: "ended_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_intake_dialogs_ended_at_last_activity_at",
                table: "intake_dialogs",
                columns: new[] { "ended_at", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_events_ticket_id_id",
                table: "ticket_events",
                columns: new[] { "ticket_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_lines_ticket_id",
                table: "ticket_lines",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_group_id",
                table: "tickets",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_order_id",
                table: "tickets",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_resident_id",
                table: "tickets",
                column: "resident_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_status_id",
                table: "tickets",
                columns: new[] { "status", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intake_dialogs");

            migrationBuilder.DropTable(
                name: "ticket_events");

            migrationBuilder.DropTable(
                name: "ticket_lines");

            migrationBuilder.DropTable(
                name: "tickets");
        }
    }
}
