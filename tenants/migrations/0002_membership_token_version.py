from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("tenants", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="token_version",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
