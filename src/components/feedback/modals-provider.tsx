import '@/styles/page-styles';

export { ModalsProvider } from '@mantine/modals';
