import '@/styles/page-styles';
import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

export const NotificationsView = () => <Notifications position="top-right" limit={4} />;
