from django_tasks_db.management.commands import db_worker

from ...tasks import requeue_abandoned, worker_id


class Command(db_worker.Command):
    help = (
        "Runs a worker of the task queue (django-tasks-db's db_worker), after "
        "putting back in the queue the tasks a stopped worker left running."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Host and pid, read in the process that runs tasks (after a reload too).
        parser.set_defaults(worker_id=None)

    def configure_logging(self, verbosity):
        # The project's LOGGING decides (warnings and failed tasks), not a
        # line for every task, unless asked for with -v 2.
        if verbosity > 1:
            super().configure_logging(verbosity)

    def handle(self, *args, **options):
        options["worker_id"] = options["worker_id"] or worker_id()
        requeued = requeue_abandoned()
        if requeued:
            self.stdout.write(f"Put {requeued} abandoned task(s) back in the queue.")
        super().handle(*args, **options)
